-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- Lua 只有八种类型；type() 总是返回其中之一的名字（一个字符串）。
local samples = {
  { "nil", nil },
  { "true", true },
  { "42", 42 },
  { '"Lua"', "Lua" },
  { "print", print },
  { "{}", {} },
  { "coroutine.create(f)", coroutine.create(function() end) },
  { "io.stdout", io.stdout },
}

-- 值放在每项的 [2] 里，而不是直接写成 { nil, true, 42, ... }：
-- 数组里有 nil 时，# 和 ipairs 都不可靠。
for i = 1, #samples do
  print(string.format("%-20s %s", samples[i][1], type(samples[i][2])))
end

-- 只有 nil 和 false 为假：0 和空字符串都是真。
for _, v in ipairs({ 0, "", false }) do
  local shown = string.format("%q", tostring(v))
  print(string.format("%-8s -> %s", shown, v and "真" or "假"))
end

-- 字符串在算术里会自动转成数字，但 == 比较时不会。
print(("10" + 1) == 11, 10 == "10", tostring(10) == "10")

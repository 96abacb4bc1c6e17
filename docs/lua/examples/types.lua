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

-- 不能用 ipairs 遍历 samples[i]：第一行的值是 nil，会让「数组」在那里断开。
for i = 1, #samples do
  print(string.format("%-20s %s", samples[i][1], type(samples[i][2])))
end

-- 只有 nil 和 false 为假：0 和空字符串都是真。
for _, v in ipairs({ 0, "", false }) do
  print(string.format("%-8s -> %s", string.format("%q", tostring(v)), v and "真" or "假"))
end

-- 字符串在算术里会自动转成数字，但 == 比较时不会。
print(("10" + 1) == 11, 10 == "10", tostring(10) == "10")

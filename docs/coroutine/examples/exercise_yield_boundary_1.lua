-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：table.sort 的比较函数里不能 yield，那就用 Lua 自己写排序。
-- 插入排序的每一层调用都是 Lua 函数，比较函数在哪个版本里都能 yield。
local function sort(list, less)
  for i = 2, #list do
    local value, j = list[i], i - 1
    while j >= 1 and less(value, list[j]) do
      list[j + 1] = list[j]
      j = j - 1
    end
    list[j + 1] = value
  end
  return list
end

-- 比较函数要「问」外面才知道谁大：每比一次就 yield 一次，把要比的两个值交出去。
local co = coroutine.create(function(list)
  return sort(list, function(a, b) return coroutine.yield(a, b) end)
end)

local asked = 0
local ok, a, b = coroutine.resume(co, { "pear", "fig", "apple" })
while coroutine.status(co) == "suspended" do
  asked = asked + 1
  ok, a, b = coroutine.resume(co, #a < #b)    -- 外面按长度回答
end
print(ok, table.concat(a, " "), "比较了 " .. asked .. " 次")

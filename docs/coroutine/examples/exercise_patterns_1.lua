-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：用递归加 coroutine.wrap 写全排列生成器。
-- 递归函数在最深处 yield 一个排列；wrap 让调用方用 for 逐个取。
local function permute(list, n)
  n = n or #list
  if n <= 1 then
    coroutine.yield(list)
    return
  end
  for i = 1, n do
    list[n], list[i] = list[i], list[n]   -- 把第 i 个放到末尾，排列前 n-1 个
    permute(list, n - 1)
    list[n], list[i] = list[i], list[n]   -- 换回来
  end
end

local function permutations(list)
  return coroutine.wrap(function() permute(list) end)
end

local count = 0
for p in permutations({ "a", "b", "c" }) do
  count = count + 1
  print(count, table.concat(p, " "))
end

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 无状态的倒序迭代器：控制变量就是下标，从 #t + 1 开始往下数
local function prev(t, i)
  i = i - 1
  if i >= 1 then return i, t[i] end
end
local function ripairs(t) return prev, t, #t + 1 end
for i, v in ripairs({ "a", "b", "c" }) do io.write(i, "=", v, " ") end
print()
-- 无状态的好处：同一个迭代函数可以同时用于多个循环，互不干扰
for i in ripairs({ 1, 2 }) do
  for j in ripairs({ 1, 2 }) do io.write(i, j, " ") end
end
print()

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 用 if 实现，不依赖 and/or 的短路值，a 为 false 或 nil 时也正确
local function choose(cond, a, b)
  if cond then return a else return b end
end
print(choose(true, false, "b"))
print(choose(true, nil, "b"))
print(choose(false, 1, "b"))
-- 对照：惯用法在 a 为假时出错
print(true and false or "b")

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 原地反转一个序列：首尾两两交换，只走到一半
local function reverse(t)
  local i, j = 1, #t
  while i < j do
    t[i], t[j] = t[j], t[i]
    i, j = i + 1, j - 1
  end
  return t
end
print(table.concat(reverse({ 1, 2, 3, 4, 5 }), " "))
print(table.concat(reverse({ "a", "b" }), " "))
print(#reverse({}))

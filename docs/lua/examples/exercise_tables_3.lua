-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 按多个字段排序：先按分数降序，分数相同按名字升序
local people = {
  { name = "bo", score = 80 },
  { name = "al", score = 95 },
  { name = "cy", score = 80 },
  { name = "di", score = 70 },
}
table.sort(people, function(a, b)
  if a.score ~= b.score then return a.score > b.score end
  return a.name < b.name
end)
for i, p in ipairs(people) do print(i, p.name, p.score) end

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- Python 原文：
--   counts = {}
--   for w in "the cat and the hat".split():
--       counts[w] = counts.get(w, 0) + 1
--   for w in sorted(counts): print(w, counts[w])
local counts = {}
for w in ("the cat and the hat"):gmatch("%S+") do
  counts[w] = (counts[w] or 0) + 1
end
local words = {}
for w in pairs(counts) do words[#words + 1] = w end
table.sort(words)
for _, w in ipairs(words) do print(w .. " " .. counts[w]) end   -- Python 的 print 用空格分隔

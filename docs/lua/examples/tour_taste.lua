-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 统计一段文本里每个单词出现的次数，按次数从多到少打印前三名
local text = [[
the quick brown fox jumps over the lazy dog
the dog sleeps, the fox runs
]]

local function count_words(s)
  local counts = {}                          -- 表当字典用
  for word in s:gmatch("%a+") do             -- 字符串模式 + 泛型 for
    counts[word] = (counts[word] or 0) + 1   -- or 提供默认值
  end
  return counts
end

local function top(counts, n)
  local list = {}                            -- 表当数组用
  for word, c in pairs(counts) do list[#list + 1] = { word = word, n = c } end
  table.sort(list, function(a, b)            -- 匿名函数当比较器
    if a.n ~= b.n then return a.n > b.n end
    return a.word < b.word
  end)
  local i = 0
  return function()                          -- 闭包当迭代器
    i = i + 1
    if i <= n and list[i] then return list[i].word, list[i].n end
  end
end

for word, c in top(count_words(text), 3) do
  print(word, c)
end
local ok, err = pcall(count_words, nil)      -- 出错也不会让程序停下
print(ok, type(err))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- table 是 Lua 唯一的数据结构：同一个 table 既可以当数组，也可以当字典。
local langs = { "C", "Lua", "Python" }   -- 数组部分，下标从 1 开始
print(langs[1], langs[3], langs[0], #langs)

table.insert(langs, "Go")                -- 追加到末尾
table.insert(langs, 1, "Ada")            -- 插到第 1 位，其余后移
print(table.concat(langs, ", "))
print(table.remove(langs), table.concat(langs, ", "))  -- 弹出最后一个

table.sort(langs, function(a, b) return a > b end)  -- 自定义比较：降序
print(table.concat(langs, " > "))

-- ipairs 按 1, 2, 3 … 的顺序走，遇到第一个 nil 就停。
for i, name in ipairs(langs) do
  io.write(i, "=", name, i < #langs and " " or "\n")
end

-- 字典部分：键可以是任何非 nil 的值；t.name 是 t["name"] 的语法糖。
local year = { Lua = 1993, Python = 1991, Go = 2009 }
year.C = 1972
year["Go"] = nil                         -- 赋 nil 即删除

-- pairs 的遍历顺序没有定义，所以先把键收集起来排序，输出才稳定。
local keys = {}
for k in pairs(year) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do
  print(k, year[k])
end

-- table 是引用：赋值不会复制。
local alias = year
alias.Lua = 1994
print(year.Lua, alias == year, {} == {})

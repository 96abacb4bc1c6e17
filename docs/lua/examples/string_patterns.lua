-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- Lua 的模式（pattern）不是正则表达式：用 % 转义，没有 | 选择，
-- 量词只作用于单个字符类。
local line = "2024-01-31 ERROR [db] timeout after 30s"

-- string.match 返回捕获（括号里的部分）；没有捕获时返回整个匹配。
local y, m, d = line:match("(%d+)-(%d+)-(%d+)")
print(y, m, d)
print(line:match("%[(%a+)%]"))          -- [ 和 ] 是魔法字符，要写成 %[ %]
print(line:match("%u+"))                -- %u：大写字母

-- find 返回起止位置；第四个参数 true 表示「按普通文本找」，不解释魔法字符。
print(line:find("[db]", 1, true))
print(("a.b.c"):find(".", 1, true))    -- 2 2：真正的点
print(("a.b.c"):find("."))             -- 1 1：模式里的 . 匹配任意字符

-- gmatch 迭代所有匹配。键值对的顺序来自字符串本身，所以输出是确定的。
local query = "name=lua&year=1993&tag=embed"
for key, value in query:gmatch("(%w+)=(%w+)") do
  print(key, value)
end

-- gsub 替换：第二个返回值是替换次数。替换物可以是字符串、table 或函数。
print(("hello world"):gsub("o", "0"))
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"))           -- %1 %2 引用捕获
local vars = { user = "lua", home = "/home/lua" }
print(("$user 的目录是 $home"):gsub("%$(%w+)", vars))
local function double(n) return tonumber(n) * 2 end
print(("3 apples and 12 pears"):gsub("%d+", double))

-- - 是「最短匹配」的 *，这在去掉成对标记时很有用。
print(("<b>粗</b> 和 <i>斜</i>"):gsub("<.->", ""))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")

-- string.format 与 C 的 printf 类似；%q 生成可以读回 Lua 的字符串字面量。
print(string.format("%-6s|%5d|%05.1f|%x", "id", 42, 3.14159, 255))
print(string.format("%q", 'say "hi"\n'))

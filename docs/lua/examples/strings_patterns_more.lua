-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- %b()：匹配一对配平的括号（可以嵌套），正则表达式做不到这件事
local expr = "f(a, g(b, c), d) + h(e)"
for call in expr:gmatch("%a%b()") do print(call) end

-- %f[set]：「边界」，匹配从不属于 set 到属于 set 的位置，相当于单词边界
local s = "the cat scattered the cats"
print((s:gsub("%f[%a]cat%f[%A]", "狗")))   -- 只替换完整的单词 cat

-- 捕获：() 空捕获返回位置；%1 在模式里引用前面的捕获
print(("hello"):match("()ll()"))
print(('say "hi" and \'bye\''):match("([\"'])(.-)%1"))

-- gsub 的替换物可以是表或函数
local vars = { name = "Lua", ver = "5.4" }
print((("$name $ver $missing"):gsub("%$(%w+)", vars)))   -- 表里没有的键保持原样
print((("3 apples, 12 pears"):gsub("%d+", function(n) return tonumber(n) * 2 end)))

-- 量词只作用于单个字符类，不能作用于分组；也没有 | 和 {m,n}
print(("ababab"):match("(ab)+"), ("aaa"):match("a-"), ("aaa"):match("a*"))

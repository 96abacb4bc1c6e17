-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 字符串是不可变的字节序列；所有函数都在 string 表里，也可以用 s:f() 的方法写法
local s = "Hello, Lua"
print(#s, s:upper(), s:lower(), s:rep(2))
print(s:sub(1, 5), s:sub(-3), s:sub(8), s:sub(100))   -- 下标从 1 开始，负数从末尾数
print(s:byte(1), string.char(76, 117, 97))            -- 字节值与字符互相转换
print(s:reverse(), ("%d + %d = %d"):format(1, 2, 3))

-- string.format 和 C 的 printf 一样；%q 生成 Lua 能读回的字面量
print(string.format("[%5s][%-5s][%05.1f][%x]", "ab", "ab", 3.14159, 255))
print(string.format("%q", 'say "hi"\n'))

-- 长括号 [[ ]] 里不处理转义，适合多行文本；[==[ ]==] 可以包含 ]]
local block = [==[
第一行 \n 不是换行
含有 ]] 也没关系]==]
print(block)

-- 拼接很多片段时，先放进表再 table.concat，比反复用 .. 快
local parts = {}
for i = 1, 5 do parts[#parts + 1] = i * i end
print(table.concat(parts, ","))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- print：每个参数先经过 tostring，参数之间插入制表符，最后加换行
print("a", 1, nil, true, { n = 1 } ~= nil)

-- io.write：只接受字符串和数字，原样写出，不加分隔符也不加换行
io.write("a", 1, "\n")
io.write(string.format("%-6s|%6.2f|\n", "pi", math.pi))

-- io.write 不会替你调用 tostring：nil 和布尔值要自己转换
local ok, err = pcall(io.write, nil)
print(ok, (err:match("%((.-)%)")))   -- 错误消息里括号中的说明
io.write(tostring(nil), " ", tostring(false), "\n")

-- 数字由 io.write 按 "%.14g" 一类的格式写出；整数和浮点数的写法在 5.3 起不同，
-- 需要固定格式时用 string.format
io.write(string.format("%d %.1f %g\n", 42, 2.5, 1e20))

-- io.stdout 是一个文件对象，io.write(...) 等价于 io.stdout:write(...)
io.stdout:write("写到标准输出\n")

-- runs-on: 5.3 5.4 5.5
-- 5.3 加入标准库的几样东西：string.pack/unpack、table.move、utf8 库、math.tointeger
-- string.pack 按格式把值打包成二进制串：">I2" 是大端 2 字节无符号整数，"z" 是以 \0 结尾的字符串
local bin = string.pack(">I2 z", 258, "Lua")
print(#bin, bin:byte(1, 2))                    -- 6 字节：01 02，然后是 "Lua\0"
print(string.unpack(">I2 z", bin))             -- 258  Lua  7（下一个未读位置）

-- table.move(a, f, e, t)：把 a[f..e] 移到从 t 开始的位置，返回目标表
local t = { 1, 2, 3, 4, 5 }
table.move(t, 2, 5, 1)                        -- 整体左移一格
t[#t] = nil
print(table.concat(t, " "))
print(table.concat(table.move({ "a", "b" }, 1, 2, 3, { "x", "y" }), " "))   -- 拷进另一个表

-- utf8 库：按码点而不是按字节处理 UTF-8
local s = "汉字abc"
print(#s, utf8.len(s), utf8.char(0x4E2D, 0x6587))
for _, code in utf8.codes("汉a") do io.write(string.format("U+%04X ", code)) end
print()

-- math.tointeger：浮点数正好是整数时转成整数子类型，否则得到 nil；乘方 ^ 的结果总是浮点数
print(math.tointeger(3.0), math.tointeger(3.5), math.type(2^53))

-- runs-on: 5.3 5.4 5.5
-- Lua 5.3 起 number 分成整数（64 位）和浮点数两个子类型，还加了 // 和位运算。
-- 这些都是新语法，5.1、5.2 和 LuaJIT 在编译阶段就会报错。
print(math.type(3), math.type(3.0), math.type("3"))

-- / 总是浮点除法；// 是向下取整的除法，两个整数相除得到整数。
print(7 / 2, 8 / 2, 7 // 2, -7 // 2, 7.0 // 2)
print(7 % 3, -7 % 3, 7 % -3)            -- 取模的符号跟随除数

-- 整数和浮点数可以相等，但打印出来不一样。
print(1 == 1.0, 2^2, 10 // 1, math.tointeger(4.0), math.tointeger(4.5))

-- 整数运算会回绕（two's complement），不会自动变成浮点数。
print(math.maxinteger + 1 == math.mininteger, math.maxinteger)

-- 位运算：操作数必须能表示为整数。
print(5 & 3, 5 | 3, 5 ~ 3, ~0, 1 << 10, 256 >> 4)
print(string.format("0x%X", 0xFF00 >> 8))

-- 浮点数转整数：floor 得到整数值（5.3+ 返回整数子类型）。
print(math.floor(3.7), math.type(math.floor(3.7)), 3.7 // 1)

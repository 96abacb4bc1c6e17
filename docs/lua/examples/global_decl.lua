-- runs-on: 5.5
-- Lua 5.5 新增 global 声明：一旦某个作用域里出现了 global 声明，
-- 这个作用域里没有声明过的名字就成了编译错误，拼错的全局变量名在运行前就能发现。
local source = [[
global print, counter
counter = 0
counter = counter + 1
print("counter =", counter)
conuter = 2
]]
print(load(source, "=demo"))             -- 第 5 行拼错了名字：编译失败

-- 修好拼写再编译：
local fixed = source:gsub("conuter", "counter")
local chunk = assert(load(fixed, "=demo"))
chunk()

-- global<const> * 让所有没单独声明的全局名都变成只读。
print(load("global<const> *\nprint(math.pi > 3)\nY = 1", "=strict"))

-- 另一个 5.5 的变化：for 循环的控制变量是只读的。
print(load("for i = 1, 3 do i = i * 2 end", "=loop"))
-- 泛型 for 的第一个变量（控制变量）同样只读，其余变量照常可以赋值
print(load("for k, v in pairs({}) do k = 1 end", "=pairs"))
print(type(load("for k, v in pairs({}) do v = 1 end", "=pairs")))
for i = 1, 3 do
  local i = i * 2                        -- 需要修改时，声明一个同名局部变量
  io.write(i, i < 6 and " " or "\n")
end

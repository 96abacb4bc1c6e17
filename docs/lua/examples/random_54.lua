-- runs-on: 5.4 5.5
-- 5.4 起 math.random 用 xoshiro256** 算法，结果不再依赖 C 库：
-- 同一个种子在任何平台上都得到同一串数。程序启动时种子是随机的，需要可重复的结果就自己设种子
math.randomseed(42)
local first = { math.random(100), math.random(100), math.random(100) }
print(table.concat(first, " "))
math.randomseed(42)                               -- 同一个种子，同一串数
print(math.random(100) == first[1], math.random(100) == first[2])
print(math.type(math.random(0)))                 -- random(0)：所有位都随机的整数

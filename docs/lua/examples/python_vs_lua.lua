-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- Python 读者最常踩的几处不同，每一行旁边写着对应的 Python。

local fruits = { "苹果", "香蕉", "樱桃" }      -- fruits = ["苹果", "香蕉", "樱桃"]
print(fruits[1], fruits[#fruits])             -- fruits[0], fruits[-1]
print(fruits[-1])                             -- 负下标不是「倒数」，只是一个不存在的键

local s = "Hello, Lua"
print(s:sub(1, 5), s:sub(-3))                 -- s[0:5], s[-3:]（sub 的两端都包含在内）
print(#"汉字", ("汉字"):len())                -- len("汉字") 是 2，这里是字节数 6

local ages = { alice = 30 }                   -- ages = {"alice": 30}
print(ages.bob or 0, ages.alice ~= nil)       -- ages.get("bob", 0), "alice" in ages

local function divmod(a, b)                   -- def divmod(a, b): return a // b, a % b
  return math.floor(a / b), a % b
end
local q, r = divmod(17, 5)                    -- 多返回值不是元组，直接分给两个变量
print(q, r)

print(string.format("%s 有 %d 个字节", s, #s))   -- f"{s} 有 {len(s)} 个字节"

-- 函数里没写 local 的赋值，改的是全局变量（Python 里是新建局部变量）
local function set_x() x = 42 end
set_x()
print(x)
x = nil

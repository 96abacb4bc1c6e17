-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 用元表给二维向量重载运算符。所有向量共用同一个元表 Vec。
local Vec = {}
Vec.__index = Vec            -- 在实例上找不到的键，去 Vec 里找（方法放在这里）

local function new(x, y)
  return setmetatable({ x = x, y = y }, Vec)
end

Vec.__add = function(a, b) return new(a.x + b.x, a.y + b.y) end
Vec.__sub = function(a, b) return new(a.x - b.x, a.y - b.y) end
Vec.__unm = function(a) return new(-a.x, -a.y) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end

-- 数乘：左右两边都可能是数字，所以两种顺序都要处理。
Vec.__mul = function(a, b)
  if type(a) == "number" then return new(a * b.x, a * b.y) end
  if type(b) == "number" then return new(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y -- 两个向量相乘：点积
end

function Vec:len2()          -- 冒号定义的方法自带 self 参数
  return self.x * self.x + self.y * self.y
end

local a, b = new(1, 2), new(3, 4)
print(a + b, a - b, -a)
print(a * 2, 3 * b, a * b)
print(a == new(1, 2), a ~= b, rawequal(a, new(1, 2)))
print(b:len2(), getmetatable(a) == Vec)

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 一个「有理数」类型：用元方法支持 .. < <= 和把对象当函数调用
local Frac = {}
Frac.__index = Frac

local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local function frac(n, d)
  local g = gcd(n, d)
  return setmetatable({ n = n / g, d = d / g }, Frac)
end

Frac.__tostring = function(f) return string.format("%d/%d", f.n, f.d) end
Frac.__add = function(a, b) return frac(a.n * b.d + b.n * a.d, a.d * b.d) end
Frac.__lt = function(a, b) return a.n * b.d < b.n * a.d end
Frac.__le = function(a, b) return a.n * b.d <= b.n * a.d end
-- .. 的任一边是表时调用 __concat；另一边可能是字符串
Frac.__concat = function(a, b) return tostring(a) .. tostring(b) end
-- __call：把一个值当函数调用，这里用来求近似的小数值
Frac.__call = function(f, digits) return string.format("%." .. digits .. "f", f.n / f.d) end

local half, third = frac(1, 2), frac(2, 6)
print(half + third)                  -- print 调用 tostring，tostring 调用 __tostring
print(third < half, half <= third, half > third)  -- a > b 被翻译成 b < a
print("结果是 " .. (half + third) .. "。")
print(third(4))
print(getmetatable(half) == Frac, getmetatable("abc").__index == string)

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 带默认值的表：读不存在的键时返回默认值，但不把它写进表里
local function with_default(default)
  return setmetatable({}, { __index = function() return default end })
end
local t = with_default(0)
t.a = 5
print(t.a, t.b, rawget(t, "b"))
local names = with_default("（无名）")
print(names[1], #names)

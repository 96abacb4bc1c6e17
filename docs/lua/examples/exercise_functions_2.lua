-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- compose(f, g)(...) == f(g(...))，g 的所有返回值都要传给 f
local function compose(f, g)
  return function(...) return f(g(...)) end
end
local function divmod(a, b) return math.floor(a / b), a % b end
local function fmt(q, r) return q .. " 余 " .. r end
print(compose(fmt, divmod)(17, 5))
print(compose(select, function(...) return "#", ... end)(1, nil, 3))

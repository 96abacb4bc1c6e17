-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- ... 是「剩下的所有参数」，它不是 table，而是一串值。
local function count(...)
  return select("#", ...)        -- 参数个数，包括中间和末尾的 nil
end
print(count(), count(nil), count(1, nil, 3, nil))

-- {...} 会丢掉「有几个 nil」的信息，# 在有空洞时不可靠；
-- table.pack 多记一个 n 字段。Lua 5.1 和 LuaJIT 默认没有它，自己补一个。
local pack = table.pack or function(...)
  return { n = select("#", ...), ... }
end
local t = pack(1, nil, 3, nil)
print(t.n, t[1], t[2], t[3], t[4])

-- select(i, ...) 返回从第 i 个开始的所有参数；负数从末尾数。
print(select(2, "a", "b", "c"))
print(select(-1, "a", "b", "c"))

-- 一个求和函数：nil 跳过，其余必须是数字。
local function sum(...)
  local total = 0
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if v ~= nil then total = total + v end
  end
  return total
end
print(sum(1, 2, nil, 4))

-- 多返回值只在「列表的最后一项」完整展开，其他位置截成一个值。
local function two() return "x", "y" end
print(two(), two())              -- x x y
print((two()))                   -- 加括号：只取第一个
local list = { two(), two() }
print(#list)                     -- 3

-- 包装器：把任意参数原样转给另一个函数，常用于日志、计时。
local function logged(name, f)
  return function(...)
    print("call " .. name .. " with " .. select("#", ...) .. " args")
    return f(...)
  end
end
print(logged("max", math.max)(3, 9, 4))

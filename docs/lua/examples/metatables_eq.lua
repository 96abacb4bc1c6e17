-- runs-on: 5.3 5.4 5.5
-- __eq 在各版本之间的差别：两个表的元表不同、各有一个 __eq 时，
-- 5.3 起先用左边的 __eq，左边没有再用右边的；
-- 5.1、5.2 和 LuaJIT 要求两边的 __eq 是同一个函数，否则不调用它，直接判为不相等
local a = setmetatable({}, { __eq = function() return true end })
local b = setmetatable({}, { __eq = function() return true end })
local plain = {}
print(a == b, a == plain)      -- 5.3 起：true true；5.1、5.2、LuaJIT：false false

-- 两边共用同一个 __eq 函数（比如同一个类的实例共用一个元表）时，所有版本都会调用它
local function same(x, y) return x.id == y.id end
local d = setmetatable({ id = 1 }, { __eq = same })
local e = setmetatable({ id = 1 }, { __eq = same })
print(d == e, rawequal(d, e))

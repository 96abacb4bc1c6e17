-- runs-on: luajit
-- LuaJIT 把 tostring 实现成「快速函数」：遇到 __tostring 时，它把自己换成元方法做一次尾调用，
-- 中间不留 C 栈帧，所以 __tostring 里可以 yield。print 却是普通 C 函数，仍然不行。
local money = setmetatable({ cents = 1250 }, {
  __tostring = function(self)
    local currency = coroutine.yield("需要货币符号")
    return currency .. string.format("%.2f", self.cents / 100)
  end,
})

local co = coroutine.create(function() return tostring(money) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "¥"))

co = coroutine.create(function() print(money) end)
local ok, err = coroutine.resume(co)
print(ok, err:find("C%-call boundary") ~= nil)

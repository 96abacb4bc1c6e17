-- runs-on: 5.1 5.2 5.3 5.4 5.5
-- 在 Lua 5.1–5.5 里，tostring 是一个 C 函数，它用 lua_call 调用 __tostring：这里不能 yield。
local money = setmetatable({ cents = 1250 }, {
  __tostring = function(self)
    local currency = coroutine.yield("需要货币符号")
    return currency .. string.format("%.2f", self.cents / 100)
  end,
})

local co = coroutine.create(function() return tostring(money) end)
local ok, err = coroutine.resume(co)
print(ok, err:find("C%-call boundary") ~= nil)
print(coroutine.status(co))

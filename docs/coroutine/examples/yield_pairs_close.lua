-- runs-on: 5.4 5.5
-- 从 Lua 5.4.4 起，pairs 用 lua_callk 调用 __pairs（带延续函数 pairscont）；
-- 从 5.4.3 起 __close 元方法也能 yield。5.2、5.3 和 5.4.0–5.4.3 的 pairs 用的是 lua_call，在 __pairs 里 yield 会失败。
local remote = setmetatable({}, {
  __pairs = function()
    local keys = coroutine.yield("先去取键列表")
    local i = 0
    return function()
      i = i + 1
      if keys[i] then return keys[i], #keys[i] end
    end
  end,
})

local co = coroutine.create(function()
  for k, v in pairs(remote) do print("  ", k, v) end
  do
    local conn <close> = setmetatable({}, {
      __close = function() print("  关闭前等待：", coroutine.yield("等对端确认关闭")) end,
    })
  end
  return "完成"
end)

print(coroutine.resume(co))
print(coroutine.resume(co, { "host", "port" }))
print(coroutine.resume(co, "对端已确认"))

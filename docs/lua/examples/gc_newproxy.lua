-- runs-on: 5.1 luajit
-- Lua 5.1 和 LuaJIT 有一个没写进手册的函数 newproxy：在纯 Lua 里创建一个空的 userdata
local u = newproxy(true)            -- true：同时给它一个新的（空）元表
print(type(u), getmetatable(u) ~= nil)

local mt = getmetatable(u)
mt.__tostring = function() return "<我的 userdata>" end
mt.__len = function() return 42 end -- 5.1 里 __len 只对 userdata 有效，对表无效
mt.__index = function(_, k) return "读取了 " .. k end
print(tostring(u), #u, u.anything)

-- newproxy(另一个 proxy)：新的 userdata 和它共享同一个元表
local v = newproxy(u)
print(getmetatable(v) == mt, rawequal(u, v))

-- 它最常见的用途：在 5.1 里给「表」加上终结器。
-- 5.1 忽略表的 __gc，于是把 __gc 放在一个 userdata 上，再让表持有这个 userdata
local function with_finalizer(t, fn)
  local proxy = newproxy(true)
  getmetatable(proxy).__gc = function() fn(t) end
  t.__proxy = proxy                 -- 表活着，proxy 就活着；表被回收，proxy 跟着被回收
  return t
end
local function scope()
  with_finalizer({ name = "连接 #1" }, function(t) print("清理 " .. t.name) end)
end
scope()
collectgarbage()
print("结束")

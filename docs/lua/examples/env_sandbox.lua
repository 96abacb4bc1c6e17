-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 在指定的「环境表」里运行一段代码：它读写的全局变量都落在这个表里。
-- 5.1 / LuaJIT 用 setfenv 给函数换环境；
-- 5.2 起没有 setfenv，改为 load 的第 4 个参数（成为这段代码的 _ENV）。
local function load_in(source, name, env)
  if setfenv then                          -- Lua 5.1、LuaJIT
    local chunk, err = loadstring(source, name)
    if not chunk then return nil, err end
    return setfenv(chunk, env)
  end
  return load(source, name, "t", env)      -- Lua 5.2 及以后
end

-- 一段「用户脚本」：只能用我们放进环境里的东西。
local script = [[
total = 0
for _, n in ipairs(numbers) do total = total + n end
report("合计 " .. total)
]]

local env = {
  ipairs = ipairs,
  numbers = { 4, 5, 6 },
  report = function(msg) print("[脚本] " .. msg) end,
}
local chunk = assert(load_in(script, "=user", env))
chunk()
print(env.total, total)                    -- 写进了 env，没有污染真正的全局表

-- 环境里没有的东西，脚本就拿不到：os、io、require 都不存在。
local evil = assert(load_in("return os", "=evil", env))
print(evil())

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 由 C 库函数回调的 Lua 函数不能 yield：中间夹着一个没有延续函数的 C 栈帧。
-- 每个版本、包括 LuaJIT，结果都一样。
local function try(label, body)
  local co = coroutine.create(body)
  local ok, err = coroutine.resume(co)
  if coroutine.status(co) == "suspended" then
    print(label .. "：可以 yield")
  elseif ok then
    print(label .. "：不能 yield（错误被库函数自己接住了）")
  else
    print(label .. "：不能 yield（" .. (err:find("C%-call boundary") and "C-call boundary" or err) .. "）")
  end
end

local yield = coroutine.yield

try("table.sort 的比较函数", function()
  table.sort({ 3, 1, 2 }, function(a, b) yield() return a < b end)
end)
try("string.gsub 的替换函数", function()
  return (("abc"):gsub("b", function() yield() return "B" end))
end)
try("require 加载的模块顶层", function()
  package.preload["slow.module"] = function() yield() return {} end
  return require("slow.module")
end)
try("xpcall 的消息处理函数", function()
  return xpcall(error, function(msg) yield() return msg end)
end)

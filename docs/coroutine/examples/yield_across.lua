-- runs-on: 5.2 5.3 5.4 5.5 luajit
-- 能不能在 pcall 里、元方法里 yield？Lua 5.1 不行，Lua 5.2+ 和 LuaJIT 可以。
-- 但 table.sort 这类没有为 yield 做准备的 C 函数，哪个版本都不行。

-- 1. 在 pcall 保护的代码里 yield
local co = coroutine.create(function()
  local ok, value = pcall(function()
    return coroutine.yield("pcall 里 yield")
  end)
  return ok, value
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "回来了"))

-- 2. 在 __index 元方法里 yield：读一个字段时去「等」它的值
local lazy = setmetatable({}, {
  __index = function(_, key)
    return coroutine.yield("需要 " .. key)
  end,
})
co = coroutine.create(function()
  return "host = " .. lazy.host
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "127.0.0.1"))

-- 3. 在 table.sort 的比较函数里 yield：越过了一个 C 函数，失败
co = coroutine.create(function()
  table.sort({ 3, 1, 2 }, function(a, b)
    coroutine.yield()
    return a < b
  end)
end)
local ok, err = coroutine.resume(co)
print(ok, err:find("C%-call boundary") ~= nil)

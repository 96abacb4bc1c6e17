-- runs-on: 5.2 5.3 5.4 5.5 luajit
-- 由虚拟机直接调用的元方法、泛型 for 的迭代器、pcall 保护的函数：从 Lua 5.2 起都能 yield。
-- try 在一个新协程里运行 body：body 若挂起，就把 10 送回去，看它最后算出什么。
local function try(label, body)
  local co = coroutine.create(body)
  coroutine.resume(co)
  if coroutine.status(co) == "suspended" then
    local _, result = coroutine.resume(co, 10)
    print(label .. "：可以 yield，结果 " .. tostring(result))
  else
    print(label .. "：不能 yield")
  end
end

local yield = coroutine.yield
local mt = {
  __index = function(_, key) return yield(key) end,
  __newindex = function(t, key, value) rawset(t, key, value + yield()) end,
  __add = function(_, n) return yield() + n end,
  __lt = function() return yield() > 5 end,
  __le = function() return yield() > 5 end,
  __eq = function() return yield() == 10 end,
  __concat = function(_, s) return yield() .. s end,
  __unm = function() return -yield() end,
  __call = function(_, n) return yield() * n end,
}
local obj = setmetatable({}, mt)
local other = setmetatable({}, mt)

try("__index", function() return obj.width end)
try("__newindex", function() obj.size = 1 return rawget(obj, "size") end)
try("__add", function() return obj + 1 end)
try("__lt", function() return obj < other end)
try("__le", function() return obj <= other end)
try("__eq", function() return obj == other end)
try("__concat", function() return obj .. " 元" end)
try("__unm", function() return -obj end)
try("__call", function() return obj(3) end)
try("泛型 for 的迭代器", function()
  for v in function() return yield() end do return v end
end)
try("pcall 里", function() return select(2, pcall(yield)) end)

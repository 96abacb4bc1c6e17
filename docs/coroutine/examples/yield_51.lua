-- runs-on: 5.1
-- 同样的测试放到 Lua 5.1 上：只有 __call 能 yield。
-- __call 不是被「调用」的元方法：虚拟机只是把对象换成那个函数，再做一次普通的 Lua 调用。
local function try(label, body)
  local co = coroutine.create(body)
  local _, err = coroutine.resume(co)
  if coroutine.status(co) == "suspended" then
    local _, result = coroutine.resume(co, 10)
    print(label .. "：可以 yield，结果 " .. tostring(result))
  else
    print(label .. "：不能 yield（" .. tostring(err) .. "）")
  end
end

local yield = coroutine.yield
local obj = setmetatable({}, {
  __index = function(_, key) return yield(key) end,
  __add = function(_, n) return yield() + n end,
  __call = function(_, n) return yield() * n end,
})

try("__index", function() return obj.width end)
try("__add", function() return obj + 1 end)
try("__call", function() return obj(3) end)
try("泛型 for 的迭代器", function()
  for v in function() return yield() end do return v end
end)

-- pcall 里的 yield 失败得更隐蔽：错误被这个 pcall 当作普通错误接住，协程根本没有挂起。
local co = coroutine.create(function()
  local ok, err = pcall(coroutine.yield, "想交出去的值")
  print("pcall 返回：", ok, err)
  return "协程照常跑完了"
end)
print("resume 返回：", coroutine.resume(co))

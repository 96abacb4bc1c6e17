-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：在非对称协程上模拟对称的 transfer。
-- 每个协程都 yield 回分派循环，yield 的值说明「下一个交给谁、带什么值」。
local function transfer(target, value)
  return coroutine.yield(target, value)
end

local function dispatch(first, value)
  local current = first
  while current do
    local ok, target, v = coroutine.resume(current, value)
    assert(ok, target)
    current, value = target, v               -- target 为 nil：谁也不交，结束
  end
end

local ping, pong, referee
ping = coroutine.create(function(n)
  while n < 3 do
    print("ping", n)
    n = transfer(pong, n + 1)
  end
  transfer(referee, "ping 赢了")
end)
pong = coroutine.create(function(n)
  while true do
    print("pong", n)
    n = transfer(ping, n)
  end
end)
referee = coroutine.create(function(msg)
  print("裁判：" .. msg)
end)

dispatch(ping, 0)
print("pong 的状态：", coroutine.status(pong))

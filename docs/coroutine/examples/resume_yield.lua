-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- resume 与 yield 是一条双向通道：值从 resume 流进协程，从 yield 流出来。
local co = coroutine.create(function(first)
  print("协程收到启动参数：", first)
  local reply = coroutine.yield("第一次 yield 送出的值")
  print("协程收到第二次 resume 的参数：", reply)
  return "函数的返回值"
end)

print(coroutine.resume(co, "启动参数"))
print(coroutine.resume(co, "回话"))
print(coroutine.resume(co))

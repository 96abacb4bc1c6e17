-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 一个协程一生会经过的四种状态：suspended、running、normal、dead。
local outer

local inner = coroutine.create(function()
  -- inner 在运行，而唤醒它的 outer 正在等它返回：outer 处于 normal。
  print("inner 里看 outer：", coroutine.status(outer))
end)

outer = coroutine.create(function()
  print("outer 里看自己：", coroutine.status(outer))
  coroutine.resume(inner)
  coroutine.yield()
end)

print("刚创建：", coroutine.status(outer))
coroutine.resume(outer)
print("yield 之后：", coroutine.status(outer))
coroutine.resume(outer)
print("函数返回之后：", coroutine.status(outer))
print("再唤醒一次：", coroutine.resume(outer))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 协程里的错误不会炸掉整个程序：resume 像 pcall 一样把它接住。

-- 1. resume 返回 false 和错误消息，协程随之死亡。
local co = coroutine.create(function()
  coroutine.yield("第一段正常")
  error({ code = 42 })            -- 错误对象可以是任何值，这里用表，避免消息里带行号
end)
print(coroutine.resume(co))
local ok, err = coroutine.resume(co)
print(ok, type(err), err.code)
print("状态：", coroutine.status(co))
print(coroutine.resume(co))

-- 2. 嵌套协程：内层的错误先被内层的 resume 接住，外层决定怎么办。
local outer = coroutine.create(function()
  local inner = coroutine.create(function()
    error("内层出错", 0)
  end)
  local ok2, msg = coroutine.resume(inner)
  print("外层接到：", ok2, msg)
  error("外层放弃：" .. msg, 0)   -- 把错误继续往上报
end)
print("主程序接到：", coroutine.resume(outer))

-- 3. wrap 不接错误：错误直接抛给调用者，要自己用 pcall 接。
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  error("生成器坏了", 0)
end)
print("wrap 第一次：", gen())
print("wrap 第二次：", pcall(gen))
print("wrap 第三次：", pcall(gen))

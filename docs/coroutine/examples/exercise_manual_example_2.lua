-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：传的值比接收的变量多或少时，和普通的多重赋值、函数调用一样：
-- 少了补 nil，多了丢掉；用 ... 接收就一个不丢。
local co = coroutine.create(function(a, b)
  print("参数：", a, b)                       -- 第一次 resume 传了三个值，第三个被丢掉
  local x, y = coroutine.yield()
  print("yield 返回：", x, y)                 -- 只传了一个值，y 是 nil
  print("用 ... 接收：", select("#", coroutine.yield()))
end)

coroutine.resume(co, 1, 2, 3)
coroutine.resume(co, "only")
coroutine.resume(co, "p", "q", nil)          -- 末尾的 nil 也算一个值

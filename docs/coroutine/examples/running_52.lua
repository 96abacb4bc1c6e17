-- runs-on: 5.2 5.3 5.4 5.5
-- Lua 5.2 起，coroutine.running() 返回两个值：当前协程，以及「它是不是主线程」。
local main, ismain = coroutine.running()
print("主程序里：", type(main), ismain)

local co
co = coroutine.create(function()
  local me, ismain2 = coroutine.running()
  print("协程里：", me == co, ismain2)
end)
coroutine.resume(co)

-- runs-on: 5.1 luajit
-- Lua 5.1（以及默认编译的 LuaJIT 2.1）里，coroutine.running() 只返回一个值：
-- 在主程序里是 nil，在协程里是当前协程。
print("主程序里：", coroutine.running())

local co
co = coroutine.create(function()
  print("协程里：", coroutine.running() == co, select("#", coroutine.running()))
end)
coroutine.resume(co)

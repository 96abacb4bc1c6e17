-- runs-on: 5.3 5.4 5.5 luajit
-- coroutine.isyieldable()（Lua 5.3 新增，LuaJIT 2.1 也有）：现在能不能 yield？
-- 写一个既可能在协程里、也可能在主程序里被调用的函数时，用它来决定怎么等待。
local function wait_for(what)
  if coroutine.isyieldable() then
    print("在协程里：让出控制权，等 " .. what)
    return coroutine.yield(what)
  else
    print("在主程序里：不能 yield，直接返回默认值")
    return "默认的" .. what
  end
end

print("结果：", wait_for("配置"))

local co = coroutine.wrap(function()
  print("结果：", wait_for("配置"))
end)
co()             -- 协程在 wait_for 里 yield 了
co("远端的配置")   -- 把值送回去，协程继续执行

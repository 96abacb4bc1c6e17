-- runs-on: 5.5
-- Lua 5.5 的 coroutine.close 还能关闭「正在运行的协程自己」：参数省略时默认就是它。
-- 这次调用不会返回；唤醒这个协程的那次 resume 直接返回（没有出错时是 true）。
local function open(name)
  print("打开 " .. name)
  return setmetatable({}, { __close = function() print("关闭 " .. name) end })
end

local worker = coroutine.create(function()
  local conn <close> = open("连接")
  local command = coroutine.yield("等命令")
  if command == "退出" then
    coroutine.close()                            -- 关闭自己：先关 conn，再回到 resume
    print("这一行不会执行")
  end
end)

print(coroutine.resume(worker))
print(coroutine.resume(worker, "退出"))
print("状态：", coroutine.status(worker))


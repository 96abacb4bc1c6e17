-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 模拟：宿主（扮演 nginx）在请求协程 yield 出 "sleep" 时登记定时器，时间到了再 resume 它。
-- 请求代码里用标准的 coroutine.wrap 写了一个生成器，生成器内部调用了 sleep——出问题了。
local std = coroutine
local now, timers = 0, {}

local function sleep(seconds)                -- 扮演 ngx.sleep：yield 给宿主
  std.yield("sleep", seconds)
end

local function handler()
  local chunks = std.wrap(function()
    for i = 1, 2 do
      sleep(1)                               -- 想让 nginx 等 1 秒……
      std.yield("第 " .. i .. " 块")
    end
  end)
  for _ = 1, 4 do
    local value = chunks()
    print(string.format("[t=%d] 生成器给出：%s", now, tostring(value)))
  end
end

-- 宿主的事件循环：resume 请求协程；它 yield 出 sleep 就登记定时器。
local request = std.create(handler)
local function step()
  local ok, op, seconds = std.resume(request)
  assert(ok, op)
  if op == "sleep" then timers[#timers + 1] = now + seconds end
end
step()
while std.status(request) ~= "dead" and #timers > 0 do
  now = table.remove(timers, 1)
  step()
end
print("请求结束于 t=" .. now)

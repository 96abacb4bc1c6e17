-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：不换 coroutine 表，改用「带标记的 yield 透传」修好生成器：
-- sleep 交出一个独一无二的标记；生成器的包装函数看到标记，就把它继续 yield 给外层，
-- 等外层（宿主）回话后再原样送回内层。普通的值才当作生成器的产出返回给调用者。
local std = coroutine
local SLEEP = {}                                  -- 标记：只有 sleep 会交出这个表
local now, timers = 0, {}

local function sleep(seconds)
  std.yield(SLEEP, seconds)
end

local function wrap(f)                            -- 会透传 SLEEP 的 coroutine.wrap
  local co = std.create(f)
  return function(...)
    local r = { std.resume(co, ...) }
    while r[1] and r[2] == SLEEP do               -- 内层想睡：替它向外层 yield
      r = { std.resume(co, std.yield(SLEEP, r[3])) }
    end
    if not r[1] then error(r[2], 0) end
    return r[2]
  end
end

local function handler()
  local chunks = wrap(function()
    for i = 1, 2 do
      sleep(1)
      std.yield("第 " .. i .. " 块")
    end
  end)
  for _ = 1, 3 do
    local value = chunks()
    print(string.format("[t=%d] 生成器给出：%s", now, tostring(value)))
  end
end

local request = std.create(handler)
local function step()
  local ok, tag, seconds = std.resume(request)
  assert(ok, tag)
  if tag == SLEEP then timers[#timers + 1] = now + seconds end
end
step()
while std.status(request) ~= "dead" and #timers > 0 do
  now = table.remove(timers, 1)
  step()
end
print("请求结束于 t=" .. now)

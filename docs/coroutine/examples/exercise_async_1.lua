-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：sleep(ms) 和 with_timeout(ms, api, arg)。
-- with_timeout 同时启动 API 和一个定时器，谁先回调就用谁的结果；后到的那个被忽略。
local loop = { now = 0, queue = {}, seq = 0 }
function loop.set_timeout(ms, callback)
  loop.seq = loop.seq + 1
  loop.queue[#loop.queue + 1] = { at = loop.now + ms, seq = loop.seq, callback = callback }
end
function loop.run()
  while #loop.queue > 0 do
    table.sort(loop.queue, function(a, b) return a.at < b.at or (a.at == b.at and a.seq < b.seq) end)
    local timer = table.remove(loop.queue, 1)
    loop.now = timer.at
    timer.callback()
  end
end

local function log(...) print(string.format("[%3d ms] ", loop.now) .. string.format(...)) end

local latency = { fast = 10, slow = 80 }
local function fetch(url, callback)
  loop.set_timeout(latency[url], function() callback(nil, url .. " 的内容") end)
end

local unpack = table.unpack or unpack
local steps = {}                                 -- 协程 → 让它前进一步的函数

local function async(fn, on_done)
  local co = coroutine.create(fn)
  steps[co] = function(...)
    if coroutine.status(co) == "dead" then return end  -- 迟到的回调：任务已经结束，忽略
    local ok, result = coroutine.resume(co, ...)
    if coroutine.status(co) == "dead" then
      steps[co] = nil
      if on_done then on_done(ok, result) end
    end
  end
  steps[co]()
end

local function await(api, ...)
  local step = assert(steps[coroutine.running()], "await 只能在 async 函数里调用")
  local args = { n = select("#", ...), ... }
  args.n = args.n + 1
  args[args.n] = step                           -- 回调就是「让这个协程前进一步」
  api(unpack(args, 1, args.n))
  return coroutine.yield()                      -- 回调的参数 (err, result) 成为这里的返回值
end

local function sleep(ms)
  await(loop.set_timeout, ms)
end

local function with_timeout(ms, api, arg)
  local step = steps[coroutine.running()]
  local settled = false
  local function settle(...)                     -- 只有第一个到达的回调算数
    if settled then
      log("  忽略迟到的回调（%s）", tostring(select(2, ...) or (...)))
      return
    end
    settled = true
    step(...)
  end
  api(arg, settle)
  loop.set_timeout(ms, function() settle("超时") end)
  return coroutine.yield()
end

async(function()
  sleep(5)
  log("睡了 5 ms")
  log("fast：%s", tostring(select(2, with_timeout(50, fetch, "fast")) or "没有结果"))
  local err = with_timeout(50, fetch, "slow")
  log("slow：%s", err)
  sleep(100)
  log("结束")
end)
loop.run()

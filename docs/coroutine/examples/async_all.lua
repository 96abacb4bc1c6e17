-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 并发：三个请求同时发出，await_all 等它们全部回来，总耗时是最慢的那个，而不是三者之和。
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

local latency = { weather = 30, news = 50, stocks = 20 }
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

-- 同时调用多个 API，全部回调到齐后一次性返回结果（按调用顺序）。
local function await_all(calls)
  local step = steps[coroutine.running()]
  local results, pending = {}, #calls
  for i, call in ipairs(calls) do
    local api, arg = call[1], call[2]
    api(arg, function(err, value)
      results[i] = err or value
      log("  第 %d 个回来了", i)
      pending = pending - 1
      if pending == 0 then step(results) end     -- 最后一个回来时才唤醒协程
    end)
  end
  return coroutine.yield()
end

async(function()
  log("依次 await：")
  for _, url in ipairs({ "weather", "news", "stocks" }) do
    local _, body = await(fetch, url)
    log("  %s", body)
  end
  local started = loop.now
  log("一起 await：")
  local all = await_all({ { fetch, "weather" }, { fetch, "news" }, { fetch, "stocks" } })
  log("  %s", table.concat(all, "；"))
  log("依次用了 %d ms，一起只用了 %d ms", started, loop.now - started)
end)
loop.run()

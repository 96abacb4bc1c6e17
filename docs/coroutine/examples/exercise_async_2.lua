-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：让 async 返回一个「任务」，别的 async 函数可以 join 它、等它的结果。
-- 任务只是一个表：记着是否完成、结果，以及在等它的回调。join 就是对它 await。
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

local function spawn(fn, ...)
  local task, args = { done = false, waiters = {} }, { ... }
  async(function() return fn(unpack(args)) end, function(ok, result)
    task.done, task.ok, task.result = true, ok, result
    for _, waiter in ipairs(task.waiters) do waiter(ok, result) end
  end)
  return task
end

local function when_done(task, callback)         -- 回调风格的「等任务结束」，正好交给 await
  if task.done then return callback(task.ok, task.result) end
  task.waiters[#task.waiters + 1] = callback
end

local function join(task)
  if task.done then return task.ok, task.result end  -- 已经结束：不必 yield
  return await(when_done, task)
end

local function download(name, ms)
  await(loop.set_timeout, ms)
  log("%s 下载完了", name)
  return name .. ".zip"
end

async(function()
  local a = spawn(download, "a", 30)
  local b = spawn(download, "b", 10)
  log("两个下载都开始了")
  log("join a：%s", select(2, join(a)))
  log("join b：%s（它早就完成了）", select(2, join(b)))
end)
loop.run()

-- runs-on: 5.2 5.3 5.4 5.5 luajit
-- 错误处理：await_ok 把回调的 err 变成 Lua 错误，业务代码就能像同步代码那样用 pcall。
-- pcall 里的 await 会 yield，所以这个例子需要 Lua 5.2+ 或 LuaJIT（5.1 的 pcall 是 C 调用边界）。
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

local files = { ["config.txt"] = "db=users" }
local function read_file(name, callback)
  loop.set_timeout(10, function()
    if files[name] then callback(nil, files[name]) else callback("没有文件 " .. name) end
  end)
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

local function await_ok(api, ...)                -- 成功返回结果，失败抛出错误
  local err, result = await(api, ...)
  if err then error(err, 0) end
  return result
end

local function report(name)                      -- async 的完成回调：任务结束或出错时调用
  return function(ok, result) log("%s 结束：ok=%s，%s", name, tostring(ok), tostring(result)) end
end

async(function()
  local ok, err = pcall(function()
    log("第一个文件：%s", await_ok(read_file, "config.txt"))
    log("第二个文件：%s", await_ok(read_file, "missing.txt"))
    log("这一行不会执行")
  end)
  log("pcall 接住了：%s，%s", tostring(ok), err)
  return "用默认配置继续"
end, report("任务 A"))

async(function()                                 -- 没人接的错误：协程死亡，交给完成回调
  await(loop.set_timeout, 15)
  return await_ok(read_file, "missing.txt")
end, report("任务 B"))

loop.run()

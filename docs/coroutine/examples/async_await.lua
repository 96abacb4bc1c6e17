-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 同样的事件循环和回调 API，再加一个不到 30 行的适配层：
-- async(fn) 在协程里运行 fn；await(api, ...) 调用回调风格的 api，在回调到来之前让出。
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
local tables = { users = { "alice", "bob" } }
local function read_file(name, callback)
  loop.set_timeout(10, function()
    if files[name] then callback(nil, files[name]) else callback("没有文件 " .. name) end
  end)
end
local function query(db, callback)
  loop.set_timeout(30, function() callback(nil, tables[db]) end)
end

---------------------------------------------------------------- 适配层
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

---------------------------------------------------------------- 业务代码：顺序写
async(function()
  local err, text = await(read_file, "config.txt")
  if err then return log("出错：%s", err) end
  local db = text:match("db=(%w+)")
  log("配置读好了，数据库是 %s", db)
  local _, rows = await(query, db)
  log("查到 %d 行：%s", #rows, table.concat(rows, ", "))
  await(loop.set_timeout, 5)
  log("完成")
end)
log("async 已经返回，协程停在第一个 await 上")
loop.run()

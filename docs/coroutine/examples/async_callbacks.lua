-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 回调风格：一个只有虚拟时钟的小事件循环，加上几个「异步」API。
-- 每个 API 立即返回，过一会儿（虚拟的毫秒）再调用你给的回调 callback(err, result)。
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

-- 三步：读配置 → 查询 → 输出。每多一步等待，就多一层嵌套。
read_file("config.txt", function(err, text)
  if err then return log("出错：%s", err) end
  local db = text:match("db=(%w+)")
  log("配置读好了，数据库是 %s", db)
  query(db, function(err2, rows)
    if err2 then return log("出错：%s", err2) end
    log("查到 %d 行：%s", #rows, table.concat(rows, ", "))
    loop.set_timeout(5, function()
      log("完成")
    end)
  end)
end)
log("read_file 已经返回，回调还没被调用")
loop.run()

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 一个轮转（round-robin）调度器。任务是普通函数，在协程里运行；
-- 任务调用 sleep(n) 时 yield 出「想睡几拍」，调度器据此安排它下次何时运行。
-- 时间用「拍」（tick）来数，而不是真实时钟，所以每次运行输出都一样。

local scheduler = { now = 0, tasks = {} }

function scheduler.spawn(name, body)
  local task = { name = name, wake_at = 0 }
  task.co = coroutine.create(function() body(name) end)
  table.insert(scheduler.tasks, task)
end

-- 任务里调用：让出 CPU，n 拍之后再回来。
local function sleep(ticks)
  coroutine.yield(ticks)
end

local function log(name, message)
  print(string.format("[tick %d] %s %s", scheduler.now, name, message))
end

function scheduler.run()
  while #scheduler.tasks > 0 do
    -- 每一拍按加入顺序把到点的任务各运行一段，直到它下一次 yield。
    local i = 1
    while i <= #scheduler.tasks do
      local task = scheduler.tasks[i]
      if task.wake_at <= scheduler.now then
        local ok, ticks = coroutine.resume(task.co)
        if not ok then
          log(task.name, "出错：" .. tostring(ticks))
        end
        if coroutine.status(task.co) == "dead" then
          table.remove(scheduler.tasks, i)
        else
          task.wake_at = scheduler.now + (ticks or 1)
          i = i + 1
        end
      else
        i = i + 1
      end
    end
    scheduler.now = scheduler.now + 1
  end
end

scheduler.spawn("下载", function(name)
  for part = 1, 3 do
    log(name, "收到第 " .. part .. " 块")
    sleep(2)                    -- 假装在等网络
  end
  log(name, "完成")
end)

scheduler.spawn("心跳", function(name)
  for beat = 1, 4 do
    log(name, "第 " .. beat .. " 次")
    sleep(1)
  end
end)

scheduler.spawn("出错", function(name)
  log(name, "开始")
  sleep(3)
  error("磁盘已满", 0)          -- level 0：消息里不带文件名和行号
end)

scheduler.run()
print("全部任务结束于 tick " .. scheduler.now - 1)

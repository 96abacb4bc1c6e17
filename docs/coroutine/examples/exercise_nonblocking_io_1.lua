-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：调度器不直接调用系统的 poll，而是把它当参数接进来。
-- 换上一个按剧本回答的「假内核」，调度逻辑就能在任何 Lua 上确定地测试。
local function make_scheduler(poll)
  local ready, waiting, s = {}, {}, {}
  function s.spawn(body) ready[#ready + 1] = { co = coroutine.create(body) } end
  function s.wait(fd, events) return coroutine.yield(fd, events) end   -- 返回醒来的原因
  function s.run()
    while #ready > 0 or #waiting > 0 do
      local batch = ready
      ready = {}
      for _, task in ipairs(batch) do
        local ok, fd, events = coroutine.resume(task.co, task.revents)
        assert(ok, fd)
        if coroutine.status(task.co) == "suspended" then
          waiting[#waiting + 1] = { task = task, fd = fd, events = events }
        end
      end
      if #ready == 0 and #waiting > 0 then
        local fds = {}
        for _, w in ipairs(waiting) do fds[#fds + 1] = w.fd end
        local fired, still = poll(fds), {}         -- fired：fd → 发生的事件
        for _, w in ipairs(waiting) do
          if fired[w.fd] then
            w.task.revents = fired[w.fd]           -- 下次 resume 时交给 wait 作返回值
            ready[#ready + 1] = w.task
          else
            still[#still + 1] = w
          end
        end
        waiting = still
      end
    end
  end
  return s
end

local script, round = { 4, 3, 4, 3 }, 0
local function fake_poll(fds)
  round = round + 1
  print(string.format("poll #%d：在等 {%s}，就绪的是 %d", round, table.concat(fds, ","), script[round]))
  return { [script[round]] = "可读" }
end

local s = make_scheduler(fake_poll)
for _, fd in ipairs({ 3, 4 }) do
  s.spawn(function()
    for i = 1, 2 do
      local why = s.wait(fd, "POLLIN")
      print(string.format("  fd %d 第 %d 次醒来：%s", fd, i, why))
    end
  end)
end
s.run()

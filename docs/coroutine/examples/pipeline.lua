-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 生产者 → 过滤器 → 消费者。每一段都是一个协程，由下游「拉」数据：
-- 消费者要一个值，才去 resume 上游；上游 yield 一个值，就又停下来。

-- 生产者：把一段文本按行送出。
local function lines_of(text)
  return coroutine.wrap(function()
    for line in text:gmatch("[^\n]+") do
      coroutine.yield(line)
    end
  end)
end

-- 过滤器：从上游取值，只把满足条件的送往下游。
local function keep(upstream, predicate)
  return coroutine.wrap(function()
    for value in upstream do
      if predicate(value) then
        coroutine.yield(value)
      end
    end
  end)
end

-- 过滤器：给每个值加上行号。
local function numbered(upstream)
  return coroutine.wrap(function()
    local n = 0
    for value in upstream do
      n = n + 1
      coroutine.yield(string.format("%2d  %s", n, value))
    end
  end)
end

local log = [[
INFO  server started
WARN  disk 91% full
INFO  request /index.html
ERROR upstream timed out
INFO  request /about.html
ERROR connection reset]]

local function is_problem(line)
  return line:find("^WARN") ~= nil or line:find("^ERROR") ~= nil
end

-- 消费者：一个普通的 for 循环。三个协程都在它的驱动下一步一步前进。
for line in numbered(keep(lines_of(log), is_problem)) do
  print(line)
end

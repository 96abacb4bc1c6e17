-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：「推」式流水线。这次生产者是普通的循环，消费者和过滤器是协程：
-- 生产者每有一个值就 send 给下游，下游处理完后 yield，等下一个值。
local function consumer()
  return coroutine.create(function(value)
    while value ~= nil do
      print("消费：" .. value)
      value = coroutine.yield()            -- 等上游 send 下一个值进来
    end
    print("消费者收到结束信号")
  end)
end

local function filter(downstream, predicate)
  return coroutine.create(function(value)
    while value ~= nil do
      if predicate(value) then coroutine.resume(downstream, value) end
      value = coroutine.yield()
    end
    coroutine.resume(downstream, nil)      -- 把结束信号也传下去
  end)
end

local function send(co, value)
  assert(coroutine.resume(co, value))
end

local sink = filter(consumer(), function(n) return n % 2 == 0 end)
for n = 1, 6 do                            -- 生产者：按自己的节奏推数据
  send(sink, n)
end
send(sink, nil)

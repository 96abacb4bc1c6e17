-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：协程不会被抢占，但如果在「读—改—写」中间 yield，照样会丢失更新。
local function run(tasks)                  -- 轮流 resume，直到全部结束
  local alive = #tasks
  while alive > 0 do
    alive = 0
    for _, co in ipairs(tasks) do
      if coroutine.status(co) ~= "dead" then
        coroutine.resume(co)
        alive = alive + 1
      end
    end
  end
end

local balance = 0
local function deposit_unsafe()
  for _ = 1, 3 do
    local old = balance                    -- 读
    coroutine.yield()                      -- 在中间让出：别的任务也读到了同一个旧值
    balance = old + 10                     -- 写
  end
end
run({ coroutine.create(deposit_unsafe), coroutine.create(deposit_unsafe) })
print("中间 yield：", balance)

balance = 0
local function deposit_safe()
  for _ = 1, 3 do
    balance = balance + 10                 -- 读、改、写之间没有 yield，不会被打断
    coroutine.yield()
  end
end
run({ coroutine.create(deposit_safe), coroutine.create(deposit_safe) })
print("之后 yield：", balance)

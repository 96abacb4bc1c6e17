-- runs-on: 5.4 5.5
-- Lua 5.4 的 coroutine.close 与 <close> 变量：放弃一个挂起的协程时，
-- 它里面「待关闭」的资源也会被关闭，而不是等垃圾回收。
local function open(name)
  print("打开 " .. name)
  return setmetatable({ name = name }, {
    __close = function(self, err)
      print("关闭 " .. self.name .. (err and ("（因为出错：" .. tostring(err) .. "）") or ""))
    end,
  })
end

-- 1. 协程挂起在半路，调用方决定不再需要它了。
local reader = coroutine.create(function()
  local file <close> = open("data.txt")
  for i = 1, 3 do
    coroutine.yield("第 " .. i .. " 行")
  end
end)
print(coroutine.resume(reader))
print("状态：", coroutine.status(reader))
print("close 返回：", coroutine.close(reader))
print("状态：", coroutine.status(reader))

-- 2. 协程因出错而死：resume 返回 false 时 <close> 变量还没关闭，
--    要等 coroutine.close 才关闭（__close 收到错误对象），close 再返回 false 和那个错误。
local broken = coroutine.create(function()
  local conn <close> = open("socket")
  error("连接被重置", 0)
end)
print(coroutine.resume(broken))
print("close 返回：", coroutine.close(broken))

-- 3. 正常结束的协程：close 直接返回 true。
local done = coroutine.create(function() return "完成" end)
coroutine.resume(done)
print("close 返回：", coroutine.close(done))

-- 4. __close 自己出错：close 返回 false 和这个新错误。
local flaky = coroutine.create(function()
  local res <close> = setmetatable({}, { __close = function() error("关闭失败", 0) end })
  coroutine.yield()
end)
coroutine.resume(flaky)
print("close 返回：", coroutine.close(flaky))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- wrap 把协程里的字符串错误重新抛出时，Lua 会在前面加上「调用 wrap 函数的那一行」。
local gen = coroutine.wrap(function()
  coroutine.yield("ok")
  error("生成器坏了", 0)          -- level 0：错误消息本身不带位置
end)

local function pull()
  local value = gen()             -- 第 9 行：错误就从这里冒出来
  return value
end

print(pcall(pull))
print(pcall(pull))
print(pcall(pull))

-- 平常写的 error("...")（level 1）自己就带着出错的位置，wrap 再加一层，消息里就有两个位置：
-- 前一个是调用 wrap 函数的地方，后一个才是真正出错的地方。
local bad = coroutine.wrap(function()
  error("读到坏数据")              -- 第 20 行
end)
local ok, msg = pcall(function()
  local value = bad()             -- 第 23 行
  return value
end)
print(ok, msg)

-- runs-on: 5.1 5.2 5.3 5.4 5.5
-- xpcall(f, handler)：handler 在出错的那一刻运行，栈还在，可以取调用栈
local function inner(x)
  return x.field                 -- 第 4 行：对 nil 取字段
end
local function middle(x)
  local v = inner(x)             -- 第 7 行
  return v
end
local function outer()
  local v = middle(nil)          -- 第 11 行
  return v
end

local function handler(e)
  -- 第二个参数 2：从调用 handler 的那一层（出错的函数）开始记录
  return debug.traceback(tostring(e), 2)
end
local ok, tb = xpcall(outer, handler)
print(ok)

-- 第一行是错误消息本身，之后是 "stack traceback:" 和每一层调用
print(tb:match("^[^\n]*"):find("nil value", 1, true) ~= nil)
print(tb:match("\n([^\n]*)"))
-- 每一层的措辞在各版本之间不同，这里只取出本文件里的行号
local lines = {}
for n in tb:match("\n(.*)"):gmatch("errors_traceback%.lua:(%d+):") do lines[#lines + 1] = n end
print("调用栈经过的行：" .. table.concat(lines, " "))

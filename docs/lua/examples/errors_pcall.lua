-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- Lua 没有 try/catch：error 抛出任意值，pcall 在「保护模式」下调用函数并接住它。
local function parse_age(s)
  local n = tonumber(s)
  if not n then
    error("不是数字：" .. s)             -- 默认 level 1：记在本行（第 6 行）
  end
  return n
end

print(pcall(parse_age, "42"))           -- true 42
print(pcall(parse_age, "abc"))          -- false 加上「文件:行号:」前缀的消息

-- level 2：把错误记在调用者头上，适合参数检查。
local function check_positive(n)
  if n <= 0 then error("需要正数，得到 " .. n, 2) end
  return n
end
local function caller()
  local n = check_positive(-1)          -- 这是第 20 行
  return n
end
print(pcall(caller))

-- 陷阱：尾调用（return f(x)）会复用调用者的栈帧，
-- level 2 就找不到调用者的位置了。
local function tail_caller()
  return check_positive(-1)
end
print(pcall(tail_caller))

-- level 0：不加位置前缀。
print(pcall(error, "纯消息", 0))

-- 错误对象可以是 table：调用方按字段判断，而不是解析字符串。
local function fetch(id)
  if id ~= 1 then
    error({ code = 404, message = "没有编号为 " .. id .. " 的记录" })
  end
  return "记录一"
end
local ok, err = pcall(fetch, 7)
if not ok and type(err) == "table" then
  print(ok, err.code, err.message)
end

-- xpcall 的第二个参数是消息处理函数：它在出错的那一刻、栈还没展开时运行，
-- 所以能取到 debug.traceback。这里只打印处理后的第一行，避免路径因人而异。
local function handler(e)
  return "已处理：" .. tostring(e) .. "\n" .. debug.traceback()
end
local ok2, msg = xpcall(function() return parse_age("x") end, handler)
print(ok2, (msg:match("^[^\n]*")))

-- 运行时错误（不是 error 抛的）也能接住，例如对 nil 做算术。
local ok3, msg3 = pcall(function() local t = nil; return t.x end)
print(ok3, type(msg3))

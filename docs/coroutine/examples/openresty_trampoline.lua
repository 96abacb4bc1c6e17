-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 用 Lua 模拟 ngx_lua 的做法（ngx_http_lua_coroutine.c + ngx_http_lua_run_thread）：
-- 换掉 coroutine 表。用户的 resume / yield 不再直接切换协程，而是记下「想做什么」（co_op），
-- 然后 yield 给宿主的驱动循环，由驱动循环去切换；sleep 这类 API 的 yield 则一路回到事件循环。
local std = coroutine
local unpack = table.unpack or unpack
local function pack(...) return { n = select("#", ...), ... } end

local now, timers = 0, {}
local ctx = { op = nil, cur = nil }            -- 每个请求一份：当前协程、它想做的操作
local info = setmetatable({}, { __mode = "k" }) -- thread → { parent = ..., status = ... }

local co = {}                                   -- 替换后的 coroutine 表
function co.create(f)
  local t = std.create(f)
  info[t] = { status = "suspended" }
  return t
end
function co.resume(t, ...)
  if info[t].status ~= "suspended" then return false, "cannot resume " .. info[t].status .. " coroutine" end
  info[t].parent, info[t].status = ctx.cur, "running"
  info[ctx.cur].status = "normal"
  ctx.op, ctx.cur = "resume", t
  return std.yield(...)                         -- 交给驱动循环，由它去 resume t
end
function co.yield(...)
  info[ctx.cur].status = "suspended"
  ctx.op = "yield"
  return std.yield(...)                         -- 交给驱动循环，由它把值送回父协程
end
function co.status(t) return info[t].status end
function co.wrap(f)
  local t = co.create(f)
  return function(...)
    local r = pack(co.resume(t, ...))
    if not r[1] then error(r[2], 0) end
    return unpack(r, 2, r.n)
  end
end

local function sleep(seconds)                   -- 扮演 ngx.sleep：op 为空，表示「这是 API 的 yield」
  ctx.op = nil
  std.yield(seconds)
end

-- 驱动循环，扮演 ngx_http_lua_run_thread：总是由它来 resume「当前协程」。
local function run_thread(...)
  local args = pack(...)
  while true do
    local t = ctx.cur
    local r = pack(std.resume(t, unpack(args, 1, args.n)))
    if std.status(t) == "dead" then             -- 协程结束（或出错）
      info[t].status = "dead"
      local parent = info[t].parent
      if not parent then return "done" end      -- 请求的入口协程结束了
      ctx.cur, info[parent].status = parent, "running"
      args = r                                  -- true, 返回值… 或 false, 错误：成为父协程 resume 的结果
    elseif ctx.op == "resume" then
      args = pack(unpack(r, 2, r.n))            -- resume 的参数，交给目标协程（ctx.cur 已指向它）
    elseif ctx.op == "yield" then
      local parent = info[t].parent
      ctx.cur, info[parent].status = parent, "running"
      args = pack(true, unpack(r, 2, r.n))      -- yield 的值，成为父协程里 resume 的结果
    else                                        -- API 的 yield：回到事件循环，等定时器
      timers[#timers + 1] = { at = now + r[2], co = t }
      return "again"
    end
  end
end

-- 请求处理代码和上一个例子一样，只是 coroutine 表换成了 co。
local function handler()
  local chunks = co.wrap(function()
    for i = 1, 2 do
      sleep(1)
      co.yield("第 " .. i .. " 块")
    end
  end)
  for _ = 1, 3 do
    local value = chunks()
    print(string.format("[t=%d] 生成器给出：%s", now, tostring(value)))
  end
  print("第 4 次：", pcall(chunks))
end

ctx.cur = std.create(handler)                   -- 入口协程，由宿主创建
info[ctx.cur] = { status = "running" }
local state = run_thread()
while state == "again" do                       -- 事件循环：取最早的定时器，恢复等它的那个协程
  table.sort(timers, function(a, b) return a.at < b.at end)
  local timer = table.remove(timers, 1)
  now, ctx.cur = timer.at, timer.co
  state = run_thread()
end
print("请求结束于 t=" .. now)

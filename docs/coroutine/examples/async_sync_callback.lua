-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 适配层最常见的坑：有的 API 会「同步地」调用回调（例如命中缓存时立刻调用），
-- 这时协程还没 yield，回调里的 resume 就会失败，协程随后 yield，从此再也没人唤醒它。
local loop = { now = 0, queue = {}, seq = 0 }
function loop.set_timeout(ms, callback)
  loop.seq = loop.seq + 1
  loop.queue[#loop.queue + 1] = { at = loop.now + ms, seq = loop.seq, callback = callback }
end
function loop.run()
  while #loop.queue > 0 do
    table.sort(loop.queue, function(a, b) return a.at < b.at or (a.at == b.at and a.seq < b.seq) end)
    local timer = table.remove(loop.queue, 1)
    loop.now = timer.at
    timer.callback()
  end
end

local cache = {}
local function get(key, callback)                -- 第一次要等 20 ms，之后命中缓存、立刻回调
  if cache[key] then return callback(nil, cache[key]) end
  loop.set_timeout(20, function() cache[key] = key:upper() callback(nil, cache[key]) end)
end

local function run_task(name, await)
  local co
  co = coroutine.create(function()
    for i = 1, 2 do
      local _, value = await(co, get, "user")
      print(string.format("%s：第 %d 次拿到 %s（%d ms）", name, i, value, loop.now))
    end
    print(name .. "：完成")
  end)
  coroutine.resume(co)
  loop.run()
  print(name .. "：事件循环结束时协程的状态是 " .. coroutine.status(co))
end

-- 幼稚的写法：假定回调一定在 yield 之后才来。
local function naive_await(co, api, key)
  api(key, function(...)
    local ok = coroutine.resume(co, ...)        -- 失败的消息各版本措辞不同，这里只看状态
    if not ok then print("  回调里 resume 失败：协程此刻是 " .. coroutine.status(co)) end
  end)
  return coroutine.yield()
end

-- 正确的写法：记住回调是否已经来了；来了就不 yield，直接返回它的参数。
local function safe_await(co, api, key)
  local done, results, waiting = false, nil, false
  api(key, function(...)
    if done then return end                      -- 回调只认第一次
    done, results = true, { ... }
    if waiting then coroutine.resume(co) end
  end)
  if not done then
    waiting = true
    coroutine.yield()
  end
  return results[1], results[2]
end

run_task("幼稚版", naive_await)
cache, loop.now = {}, 0
run_task("正确版", safe_await)

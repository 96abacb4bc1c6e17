-- Switch-cost benchmark, Lua side: coroutine.resume / coroutine.yield on the system lua5.4.
-- Usage: lua5.4 bench_switch.lua N   Prints nanoseconds per switch (CPU time from os.clock).
local n = assert(tonumber(arg[1]), "usage: lua5.4 bench_switch.lua N")
local co = coroutine.create(function()
  while true do coroutine.yield() end
end)
local resume = coroutine.resume
resume(co)
local start = os.clock()
for _ = 1, n do resume(co) end
local elapsed = os.clock() - start
print(string.format("%.3f", elapsed * 1e9 / (2 * n)))

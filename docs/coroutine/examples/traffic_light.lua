-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 状态机：协程「停在哪一行」本身就是状态，不需要 state 变量和 if-else 分派。
local light = coroutine.wrap(function()
  while true do
    for _ = 1, 3 do coroutine.yield("绿") end
    coroutine.yield("黄")
    for _ = 1, 2 do coroutine.yield("红") end
  end
end)

local seconds = {}
for t = 1, 12 do
  seconds[t] = light()
end
print(table.concat(seconds, " "))

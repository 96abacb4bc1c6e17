-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 一个协程有多大？建一万个，用 collectgarbage("count")（单位 KB）量一量。
-- 量到的数字里还包括每个协程的主函数（一个闭包）和存放它的表项，所以是偏大的估计。
collectgarbage()
collectgarbage()
local before = collectgarbage("count")

local all = {}
for i = 1, 10000 do
  all[i] = coroutine.create(function() end)
end
collectgarbage()
collectgarbage()
local per = (collectgarbage("count") - before) / 10000

-- 具体数字随版本不同（大约 0.5 到 1.3 KB），这里只打印不随版本变化的结论。
print("一万个协程都建好了：", #all)
print("每个不到 2 KB：", per < 2)

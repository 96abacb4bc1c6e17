-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- collectgarbage("count") 返回 Lua 占用的内存（单位 KB，带小数）
local function kb() return (collectgarbage("count")) end

collectgarbage()                       -- 不带参数等于 "collect"：做一次完整回收
local base = kb()

local big = {}
for i = 1, 100000 do big[i] = { i } end   -- 十万个小表
local grown = kb()
print("分配之后多用了 1 MB 以上", grown - base > 1024)

big = nil                              -- 去掉唯一的引用，这些表就成了垃圾
collectgarbage()
print("回收之后基本回到原处", kb() - base < 256)

-- stop / restart：暂停自动回收（比如在一段对延迟敏感的代码里），之后再恢复
collectgarbage("stop")
local tmp = {}
for i = 1, 1000 do tmp[i] = {} end
tmp = nil
collectgarbage("restart")
collectgarbage()
print("暂停期间的垃圾，恢复后照样回收", kb() - base < 256)

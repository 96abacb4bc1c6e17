-- runs-on: 5.2 5.3 5.4 5.5
-- 数一数还活着的对象：创建时加一，终结器里减一（需要 5.2 起对表的 __gc）
local live = 0
local mt = { __gc = function() live = live - 1 end }
local function new() live = live + 1 return setmetatable({}, mt) end

local keep = {}
local function make(n) for i = 1, n do local o = new() if i <= 2 then keep[i] = o end end end
make(5)
print("创建后", live)
collectgarbage()
print("回收后", live)
keep = nil
collectgarbage()
print("全部释放后", live)

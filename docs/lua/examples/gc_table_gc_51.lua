-- runs-on: 5.1 luajit
-- 同一段代码：5.2 起会打印「回收了」，5.1 和 LuaJIT 会忽略表上的 __gc
local function scope()
  setmetatable({}, { __gc = function() print("回收了") end })
end
scope()
collectgarbage()
print("结束")

-- runs-on: 5.2 5.3 5.4 5.5
-- __gc：对象即将被回收时调用的终结器（finalizer）。5.2 起对表也有效。
-- 注意：必须在 setmetatable 时元表里就已经有 __gc 字段，之后再加的不算。
local function make(name)
  return setmetatable({ name = name }, {
    __gc = function(o) print("回收 " .. o.name) end,
  })
end

local function scope()
  local a, b, c = make("a"), make("b"), make("c")
  print("离开作用域")
end
scope()
collectgarbage()   -- 终结器按「标记的相反顺序」调用
print("第一次回收完成")

-- 先设元表、后加 __gc：这个对象没有被「标记为需要终结」，终结器永远不会运行
local mt = {}
local function late() setmetatable({}, mt) end
late()
mt.__gc = function() print("不会打印") end
collectgarbage()

-- 终结器里可以访问对象本身；对象在终结器运行后的下一轮回收才真正释放
local log = {}
local function resurrect()
  setmetatable({ id = 7 }, { __gc = function(o) log[#log + 1] = o end })
end
resurrect()
collectgarbage()
print("终结器把对象存进了 log", #log, log[1] and log[1].id)

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- Lua 5.1 和 LuaJIT 的 unpack 是全局函数；5.2 起搬进了 table.unpack，
-- 全局的 unpack 只在编译时打开兼容选项才有。这一行让代码在各版本上都能跑：
local unpack = table.unpack or unpack

local point = { 3, 4, 5 }
print(unpack(point))                 -- 3 4 5
print(unpack(point, 2))              -- 4 5：从第 2 个开始
print(unpack(point, 1, 2))           -- 3 4：第 1 到第 2 个

-- 把 table 展开成参数列表，这是 unpack 最常见的用途。
print(math.max(unpack({ 7, 42, 13 })))
print(string.format("%s-%s-%s", unpack({ "2024", "01", "31" })))

-- 有 nil 的列表要明确给出终点，否则 # 的结果不可靠。
local args = { n = 3, "a", nil, "c" }
print(select("#", unpack(args, 1, args.n)))   -- 3

-- 把「打包、稍后再解包调用」封装成一个函数：回调、延迟执行里常见。
local function bind(f, ...)
  local saved = { n = select("#", ...), ... }
  return function()
    return f(unpack(saved, 1, saved.n))
  end
end
local later = bind(print, "延迟", nil, "执行")
later()

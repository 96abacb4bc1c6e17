-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 用 coroutine.wrap 写生成器：函数里只管 yield，调用方用 for ... in 取值。
local function range(first, last, step)
  return coroutine.wrap(function()
    for i = first, last, step or 1 do
      coroutine.yield(i)
    end
  end)
end

-- 斐波那契数列是无穷的，调用方决定取多少个。
local function fibonacci()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do
      coroutine.yield(a)
      a, b = b, a + b
    end
  end)
end

local evens = {}
for n in range(2, 10, 2) do
  evens[#evens + 1] = n
end
print("range:", table.concat(evens, " "))

local next_fib = fibonacci()
local fibs = {}
for _ = 1, 10 do
  fibs[#fibs + 1] = next_fib()
end
print("fibonacci:", table.concat(fibs, " "))

-- 递归遍历也能变成生成器：yield 可以出现在任意深的递归调用里。
local function walk(tree, path)
  for _, key in ipairs(tree.order) do
    local node = tree[key]
    local here = path .. "/" .. key
    if type(node) == "table" then
      walk(node, here)
    else
      coroutine.yield(here, node)
    end
  end
end

local files = {
  order = { "docs", "README" },
  docs = { order = { "index.md", "lua" }, ["index.md"] = 120, lua = { order = { "tour.md" }, ["tour.md"] = 300 } },
  README = 42,
}
for path, size in coroutine.wrap(function() walk(files, "") end) do
  print(path, size)
end

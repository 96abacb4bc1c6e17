-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 只调用一次的包装器：第一次调用 f 并记住全部返回值，之后直接返回它们
local unpack = table.unpack or unpack
local function once(f)
  local done, results = false, nil
  return function(...)
    if not done then
      local function keep(...) results = { n = select("#", ...), ... } end
      keep(f(...))
      done = true
    end
    return unpack(results, 1, results.n)
  end
end
local init = once(function(name) print("初始化 " .. name) return "ok", nil, 3 end)
print(init("a"))
print(init("b"))

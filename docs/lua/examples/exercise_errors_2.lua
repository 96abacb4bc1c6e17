-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- try(f, catch, finally)：模仿 try/catch/finally。finally 无论成功失败都执行
local unpack = table.unpack or unpack
local function pack(...) return { n = select("#", ...), ... } end   -- 连同 nil 一起记下个数

local function try(f, catch, finally)
  local results = pack(pcall(f))
  if finally then finally() end
  if results[1] then return unpack(results, 2, results.n) end
  if catch then return catch(results[2]) end
  error(results[2], 0)       -- 没有 catch 就原样重新抛出
end

print(try(function() return "成功", nil, "中间的 nil 也保留" end, nil, function() print("finally 1") end))
print(try(function() error({ code = 3 }) end,
          function(e) return "捕获 code=" .. e.code end,
          function() print("finally 2") end))
print(pcall(try, function() error("没人接", 0) end, nil, function() print("finally 3") end))

-- runs-on: 5.3 5.4 5.5 luajit
-- 练习答案：同一个函数，在普通 Lua 调用链里问 isyieldable() 得到 true，
-- 被 table.sort 回调时得到 false，于是它不 yield，改用本地的默认规则。
local function compare(a, b)
  if coroutine.isyieldable() then
    return coroutine.yield(a, b)
  end
  return a < b
end

local co = coroutine.create(function()
  local direct = compare(1, 2)            -- 直接调用：可以 yield，由外面回答
  local list = { 3, 1, 2 }
  table.sort(list, compare)               -- 经过 C 函数 table.sort：不能 yield
  return direct, table.concat(list, " ")
end)

print(coroutine.resume(co))
print(coroutine.resume(co, "外面说 1 < 2"))

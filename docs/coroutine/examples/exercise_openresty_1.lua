-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：一个在标准 Lua、LuaJIT 和 OpenResty 里都能用的 can_yield()。
-- 有 coroutine.isyieldable 就用它；没有（Lua 5.1/5.2，或被 ngx_lua 换掉的 coroutine 表）
-- 就退一步：不在协程里肯定不能 yield，在协程里则假定可以。
local function can_yield()
  if coroutine.isyieldable then
    return coroutine.isyieldable()
  end
  local co, ismain = coroutine.running()     -- 5.1 在主程序里返回 nil；5.2+ 第二个值表示主线程
  return co ~= nil and not ismain
end

local function report(where)
  print(where, can_yield())
end

local saved = coroutine.isyieldable
for _, mode in ipairs({ "原样", "去掉 isyieldable" }) do
  if mode ~= "原样" then coroutine.isyieldable = nil end   -- 模拟 ngx_lua 换掉后的表
  print("-- " .. mode)
  report("主程序里：")
  coroutine.wrap(function() report("协程里：") end)()
end
coroutine.isyieldable = saved

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- Lua 的协程是「有栈」的：yield 可以写在协程调用的任意深度的普通函数里，
-- 挂起时整条调用链（每一层的局部变量和执行位置）都原样保存。
local function ask(question)
  -- 这是一个普通函数，不是协程，也没有任何特殊标记。
  print("  问：" .. question)
  local answer = coroutine.yield(question)
  print("  答：" .. answer)
  return answer
end

local function fill_form()
  local name = ask("名字？")
  local city = ask("城市？")
  return name .. " 来自 " .. city
end

local function survey()
  local depth = 3                -- 局部变量跨越 yield 保留下来
  local summary = fill_form()
  return "调用深度 " .. depth .. "：" .. summary
end

local co = coroutine.create(survey)
local replies = { ["名字？"] = "小明", ["城市？"] = "杭州" }

local ok, value = coroutine.resume(co)
while coroutine.status(co) ~= "dead" do
  print("主程序收到问题 " .. value)
  ok, value = coroutine.resume(co, replies[value])
end
print(ok, value)

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 返回三个共享同一个 upvalue 的闭包：加一、读取、清零
local function make_counter()
  local n = 0
  local function inc() n = n + 1 return n end
  local function get() return n end
  local function reset() n = 0 end
  return inc, get, reset
end
local inc, get, reset = make_counter()
inc(); inc(); inc()
print(get())
reset()
print(get(), inc())
local inc2, get2 = make_counter()
inc2()
print(get(), get2())   -- 两个计数器互不影响

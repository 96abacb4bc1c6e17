-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 闭包 = 函数 + 它捕获的外层局部变量（upvalue）。
-- 每次调用工厂函数，都得到一份新的 count。
local function make_counter(step)
  local count = 0
  return function()
    count = count + step
    return count
  end
end

local c1, c2 = make_counter(1), make_counter(10)
print(c1(), c1(), c1())          -- 1 2 3
print(c2(), c2())                -- 10 20：与 c1 互不影响
print(c1())                      -- 4：c1 的 count 一直活着

-- 同一次调用里创建的两个闭包共享同一个 upvalue。
local function make_account(balance)
  local function deposit(n) balance = balance + n end
  local function get() return balance end
  return deposit, get
end
local deposit, get = make_account(100)
deposit(50)
print(get())                     -- 150

-- for 循环每一轮都有一个新的 i，所以每个闭包记住的是自己那一轮的值。
local fns = {}
for i = 1, 3 do
  fns[i] = function() return i * i end
end
print(fns[1](), fns[2](), fns[3]())

-- 用闭包做记忆化：cache 对外不可见，只能通过返回的函数访问。
local function memoize(f)
  local cache, calls = {}, 0
  return function(n)
    if cache[n] == nil then
      calls = calls + 1
      cache[n] = f(n)
    end
    return cache[n], calls
  end
end
local slow_square = memoize(function(n) return n * n end)
print(slow_square(12))           -- 144 1
print(slow_square(12))           -- 144 1：第二次命中缓存，没有再算

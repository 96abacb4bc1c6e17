-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 三种等价的定义方式：function 语句只是「把一个函数值赋给变量」的语法糖
function add(a, b) return a + b end        -- 全局函数
local function sub(a, b) return a - b end  -- 局部函数（推荐）
local mul = function(a, b) return a * b end
print(add(2, 3), sub(2, 3), mul(2, 3))
add = nil                                   -- 全局函数也只是一个全局变量

-- 参数个数不必匹配：少了补 nil，多了丢弃
local function show(a, b) return tostring(a) .. "," .. tostring(b) end
print(show(1), show(1, 2, 3))

-- 默认参数用 or 实现；命名参数用一个表
local function connect(opts)
  local host = opts.host or "127.0.0.1"
  local port = opts.port or 6379
  return host .. ":" .. port
end
print(connect({ port = 8080 }), connect {})   -- 唯一的参数是表构造式时可以省略括号

-- 函数是值：可以放进表、作为参数传给别的函数
local ops = { ["+"] = function(a, b) return a + b end, ["*"] = mul }
local function apply(op, a, b) return ops[op](a, b) end
print(apply("+", 4, 5), apply("*", 4, 5))

local nums = { 5, 2, 8, 1 }
table.sort(nums, function(a, b) return a > b end)  -- 匿名函数作为比较器
print(table.concat(nums, " "))

-- 递归的局部函数：local function f 让 f 在自己的函数体里可见
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10))
local fib                                 -- 等价写法：先声明，再赋值
fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))

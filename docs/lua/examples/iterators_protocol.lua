-- runs-on: 5.1 5.2 5.3 5.4 luajit
-- 泛型 for 的协议：in 后面的表达式给出三个值——迭代函数 f、不变状态 s、控制变量初值 c。
-- 每一轮调用 f(s, c)，第一个返回值为 nil 时结束，否则赋给 c 进入下一轮。

-- 1. 无状态迭代器：自己写一个 ipairs。所有状态都在 (s, c) 里，不需要闭包
local function iter(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then return i, v end
end
local function my_ipairs(t) return iter, t, 0 end
for i, v in my_ipairs({ "a", "b", "c" }) do io.write(i, v, " ") end
print()

-- 2. 上面的 for 等价于下面这个 while 循环
do
  local f, s, c = my_ipairs({ "a", "b", "c" })
  while true do
    local i, v = f(s, c)
    if i == nil then break end
    c = i
    io.write(i, v, " ")
  end
  print()
end

-- 3. pairs(t) 返回 next（或与它等价的函数）、t、nil；直接写 next 也行
local t = { x = 1 }
print(select("#", pairs(t)), next(t))   -- next(t) 返回第一个键值对
print(next(t, "x"))                     -- 最后一个键之后返回 nil
for k, v in next, t do print(k, v) end

-- 4. 有状态的迭代器：状态放在闭包的 upvalue 里，for 只需要一个函数
local function words(s)
  local pos = 1
  return function()
    local from, to = s:find("%a+", pos)
    if not from then return nil end
    pos = to + 1
    return s:sub(from, to)
  end
end
for w in words("one, two; three") do io.write("[", w, "]") end
print()

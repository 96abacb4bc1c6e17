-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 没有 local 的赋值创建（或修改）全局变量
counter = 1
local function bump() counter = counter + 1 end
bump()
print(counter, _G.counter)

-- local 变量的作用域从声明的下一条语句开始，到所在的块结束
local x = "外层"
do
  local x = "内层"   -- 遮蔽外层的 x
  print(x)
end
print(x)

-- 在 local 声明的右边，新变量还不可见：这里的 x 指外层的 x
local x = x .. "（再声明一次）"
print(x)

-- 拼错名字不会报错，只会读到 nil
local total = 10
print(totl)   -- 少了一个 a

-- 多重赋值：右边先全部求值，再一起赋给左边，所以能直接交换
local a, b = 1, 2
a, b = b, a
print(a, b)
local p, q, r = 1, 2   -- 值不够时补 nil，多余的值被丢弃
print(p, q, r)
counter = nil          -- 给全局变量赋 nil 就等于删除它

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- and：左边为假就返回左边，否则返回右边
-- or ：左边为真就返回左边，否则返回右边
print(nil and 1, false and 1, 0 and 1)   -- nil false 1
print(nil or "默认", false or nil, 0 or 1) -- 默认 nil 0

-- 惯用法一：x = x or 默认值
local function greet(name)
  name = name or "陌生人"
  return "你好，" .. name
end
print(greet("Lua"), greet())

-- 惯用法二：cond and a or b，相当于其他语言的 cond ? a : b
local function sign(n)
  return n > 0 and "正" or (n < 0 and "负" or "零")
end
print(sign(5), sign(-3), sign(0))

-- 陷阱：a 是 false 或 nil 时，cond and a or b 总是得到 b
local debug_on = true
local flag = debug_on and false or "意外的值"
print(flag)               -- 想要 false，得到的却是「意外的值」

-- 要么改写成 if，要么把条件取反，让中间那一项不可能为假
local flag2
if debug_on then flag2 = false else flag2 = "其他" end
print(flag2, not debug_on and "其他" or false)

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 只有 nil 和 false 是「假」，其余一切（包括 0 和空字符串）都是「真」
local values = { false, 0, "", "false", {} }
for i = 1, 5 do
  local v = values[i]
  if v then
    print(type(v), tostring(v):sub(1, 6), "-> 真")
  else
    print(type(v), tostring(v), "-> 假")
  end
end
-- 表里放不进 nil，所以单独测试它
if not nil then print("nil", "nil", "-> 假") end

-- 比较运算的结果是 true 或 false
print(0 == false, "" == false, nil == false)

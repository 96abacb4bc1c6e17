-- runs-on: 5.4 5.5
-- 整数的数值 for 一直数到 math.maxinteger：5.4 起先算好循环次数，不会回绕；
-- 在 5.3 里，i 加到 maxinteger 之后回绕成负数，循环就停不下来了（这里用计数器强行 break）
local n = 0
for i = math.maxinteger - 2, math.maxinteger do
  n = n + 1
  if n > 10 then break end
end
print("循环了 " .. n .. " 次")

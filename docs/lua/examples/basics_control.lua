-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- if / elseif / else：注意是 elseif（一个词），每个分支以 then 开始，整体以 end 结束
local function grade(score)
  if score >= 90 then
    return "优"
  elseif score >= 60 then
    return "及格"
  else
    return "不及格"
  end
end
print(grade(95), grade(72), grade(30))

-- while：先判断再执行
local n, steps = 27, 0
while n ~= 1 do
  if n % 2 == 0 then n = n / 2 else n = 3 * n + 1 end
  steps = steps + 1
end
print("27 的冰雹序列步数", steps)

-- repeat ... until：先执行再判断；循环体里的 local 在 until 里依然可见
local i = 0
repeat
  i = i + 1
  local square = i * i
until square > 50
print("第一个平方大于 50 的数", i)

-- 数值 for：for 变量 = 起点, 终点[, 步长]，终点包含在内
local parts = {}
for k = 10, 1, -3 do parts[#parts + 1] = k end
print(table.concat(parts, " "))

-- 泛型 for：配合 ipairs 遍历序列
for idx, word in ipairs({ "甲", "乙", "丙" }) do
  io.write(idx, "=", word, " ")
end
print()

-- break 跳出最内层循环
for k = 1, 100 do
  if k * k > 30 then print("break 于", k) break end
end

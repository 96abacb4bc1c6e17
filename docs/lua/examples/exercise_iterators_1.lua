-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- range(a, b, step)：用闭包保存当前值；step 可以是负数
local function range(a, b, step)
  step = step or 1
  local i = a - step
  return function()
    i = i + step
    if (step > 0 and i <= b) or (step < 0 and i >= b) then return i end
  end
end
local out = {}
for i in range(1, 10, 3) do out[#out + 1] = i end
for i in range(5, 1, -2) do out[#out + 1] = i end
print(table.concat(out, " "))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
local function digits(n)
  local count = 0
  repeat
    n = math.floor(n / 10)
    count = count + 1
  until n == 0
  return count
end
print(digits(0), digits(7), digits(2024), digits(1000000))

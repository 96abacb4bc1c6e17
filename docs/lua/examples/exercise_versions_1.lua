-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 不依赖 math.pow：它在哪些构建里存在并不确定，而 ^ 运算符各版本都有
local pow = math.pow or function(a, b) return a ^ b end
print(string.format("%.0f %.1f %.3f", pow(2, 10), pow(9, 0.5), pow(2, -3)))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- # 对「序列」（1..n 全都不是 nil）是精确的
local t = { 10, 20, 30, 40 }
print(#t)

-- 删除元素：table.remove 会把后面的元素前移，序列保持完整
table.remove(t, 2)
print(#t, table.concat(t, ","))

-- 只把末尾赋成 nil，序列仍然完整，只是变短了
t[#t] = nil
print(#t, table.concat(t, ","))

-- 想在数组里保存 nil，就自己记录长度，table.pack 正是这样做的
local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local args = pack("a", nil, "c", nil)
print(args.n)
for i = 1, args.n do io.write(tostring(args[i]), " ") end
print()

-- 零和负数下标不属于序列
local u = { [0] = "零", "一", "二" }
print(#u, u[0])

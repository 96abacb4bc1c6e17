-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 构造式里可以混用三种写法：按位置、name = 值、[任意表达式] = 值
local t = { "a", "b", "c", x = 1, ["y z"] = 2, [-1] = true, [2 + 2] = "d" }
print(t[1], t[4], t.x, t["y z"], t[-1])
print(#t)            -- 正整数键恰好是 1..4，是一个序列，长度是 4

-- 嵌套：表里放表，就能表示记录、矩阵、树
local user = {
  name = "Ada",
  langs = { "Lua", "C" },
  address = { city = "Rio" },
}
print(user.name, user.langs[2], user.address.city)

-- 表当集合用：键是元素，值是 true
local seen = {}
for _, w in ipairs({ "a", "b", "a", "c", "b" }) do seen[w] = true end
local uniq = {}
for w in pairs(seen) do uniq[#uniq + 1] = w end
table.sort(uniq)
print(table.concat(uniq, " "), seen.a, seen.z)

-- 键的类型很重要：数字 1 和字符串 "1" 是两个不同的键
local m = {}
m[1] = "数字一"
m["1"] = "字符串一"
m[1.0] = "浮点一"   -- 1.0 与 1 是同一个键（会被规范成整数）
print(m[1], m["1"])

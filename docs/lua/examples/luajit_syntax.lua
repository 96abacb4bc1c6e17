-- runs-on: luajit
-- 逐条试编译，看这个 LuaJIT 接受哪些较新的语法（load 只编译，不运行）
local function accepts(code)
  return (loadstring or load)(code) ~= nil
end
local tests = {
  { "goto / ::标签::（5.2）", "goto a; ::a::" },
  { "\\x41 与 \\z 转义（5.2）", "return '\\x41\\z   B'" },
  { "\\u{4E2D} 转义（5.3）", "return '\\u{4E2D}'" },
  { "十六进制浮点 0x1p4", "return 0x1p4" },
  { "64 位整数字面量 1LL（FFI）", "return 1LL" },
  { "虚数字面量 2i（FFI）", "return 2i" },
  { "整数除法 //（5.3）", "return 7 // 2" },
  { "位运算 & | ~ << >>（5.3）", "return 6 & 3" },
  { "<const> 属性（5.4）", "local x <const> = 1" },
}
for _, t in ipairs(tests) do
  print(t[1] .. "：" .. (accepts(t[2]) and "接受" or "拒绝"))
end
print(jit.version)
-- 位运算要用 bit 库
local bit = require("bit")
print(bit.band(6, 3), bit.lshift(1, 4), bit.bxor(5, 3), bit.tohex(255))

-- runs-on: 5.4
-- 用「特性探测」而不是解析版本号来判断运行时：代码关心的是某个功能在不在。
-- 这个文件在六个运行时上都能运行，但每个运行时打印的内容不同（见正文的表格）。
local function has_syntax(code)
  local compile = loadstring or load      -- 5.1 的 load 不接受字符串
  return compile(code) ~= nil
end

local features = {
  { "_VERSION", _VERSION },
  { "LuaJIT", jit and jit.version or "否" },
  { "goto", has_syntax("goto a; ::a::") },
  { "整数除法 //", has_syntax("return 7 // 2") },
  { "位运算 &", has_syntax("return 6 & 3") },
  { "\\u{48} 得到 H", has_syntax("return '\\u{48}'") and (loadstring or load)("return '\\u{48}'")() == "H" },
  { "<const>/<close>", has_syntax("local x <const> = 1") },
  { "global 声明", has_syntax("global x; x = 1") },
  { "math.type", math.type ~= nil },
  { "math.pow", math.pow ~= nil },
  { "setfenv", setfenv ~= nil },
  { "table.unpack", table.unpack ~= nil },
  { "全局 unpack", unpack ~= nil },
  { "bit32 库", bit32 ~= nil },
  { "bit 库（LuaJIT）", bit ~= nil },
  { "utf8 库", utf8 ~= nil },
  { '"10" + 1', "10" + 1 },
  { "10 / 2", 10 / 2 },
  { "1 / 3", 1 / 3 },
}

for _, f in ipairs(features) do
  print(f[1] .. " = " .. tostring(f[2]))
end

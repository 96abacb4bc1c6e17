-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- trim：去掉首尾空白。%s* 贪婪地吃掉开头的空白，(.-) 非贪婪地取中间，%s*$ 吃掉结尾的
local function trim(s) return (s:match("^%s*(.-)%s*$")) end
print("[" .. trim("  hello  world \t\n") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]")

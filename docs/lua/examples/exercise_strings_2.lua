-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- split：按一个普通字符串分隔（不是模式），保留空字段
local function split(s, sep)
  local out, start = {}, 1
  while true do
    local i, j = s:find(sep, start, true)   -- 第 4 个参数 true：按普通文本查找
    if not i then
      out[#out + 1] = s:sub(start)
      return out
    end
    out[#out + 1] = s:sub(start, i - 1)
    start = j + 1
  end
end
local parts = split("a.b..c", ".")
print(#parts, table.concat(parts, "|"))
print(table.concat(split("k1=v1&&k2=v2", "&&"), " "))

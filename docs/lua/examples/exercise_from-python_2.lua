-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 模仿 Python 的 lst[i:j]：i、j 从 0 数，j 不包含，负数从末尾倒数
local function slice(t, i, j)
  local n = #t
  i = i or 0
  j = j or n
  if i < 0 then i = n + i end
  if j < 0 then j = n + j end
  local out = {}
  for k = i + 1, math.min(j, n) do   -- Python 的下标 k 对应 Lua 的 k + 1
    out[#out + 1] = t[k]
  end
  return out
end
local t = { "a", "b", "c", "d", "e" }
print(table.concat(slice(t, 1, 3), ","))    -- t[1:3]
print(table.concat(slice(t, -2), ","))      -- t[-2:]
print(table.concat(slice(t, nil, -1), ",")) -- t[:-1]

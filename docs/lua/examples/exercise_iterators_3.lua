-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- sorted_pairs(t)：按键的顺序遍历（键都是字符串或都是数字）
local function sorted_pairs(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local i = 0
  return function()
    i = i + 1
    local k = keys[i]
    if k ~= nil then return k, t[k] end
  end
end
for k, v in sorted_pairs({ banana = 3, apple = 5, cherry = 1 }) do print(k, v) end

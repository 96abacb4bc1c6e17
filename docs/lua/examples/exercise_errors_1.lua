-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 参数检查：出错时用 level 2，把错误算在调用者的那一行
local function area(w, h)
  if type(w) ~= "number" or type(h) ~= "number" then
    error("area 需要两个数字", 2)
  end
  return w * h
end
print(pcall(area, 3, 4))
local ok, err = pcall(function()
  local a = area(3, "4")   -- 第 11 行：错误消息应该指向这里
  return a
end)
print(ok, err)

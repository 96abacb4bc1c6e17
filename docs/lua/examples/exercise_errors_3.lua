-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 重试：最多调用 f 三次，成功就返回结果，三次都失败就抛出最后一个错误
local attempts = 0
local function flaky()
  attempts = attempts + 1
  if attempts < 3 then error("第 " .. attempts .. " 次失败", 0) end
  return "第 " .. attempts .. " 次成功"
end
local function retry(f, times)
  local last
  for i = 1, times do
    local ok, res = pcall(f)
    if ok then return res end
    print("重试：" .. tostring(res))
    last = res
  end
  error(last, 0)
end
print(retry(flaky, 3))
attempts = -10
print(pcall(retry, flaky, 2))

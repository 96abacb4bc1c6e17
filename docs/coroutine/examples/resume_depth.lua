-- runs-on: 5.1 5.2 5.3 5.4 5.5
-- 协程里再 resume 另一个协程，每一层都要占用一段 C 栈（resume 是一个 C 函数）。
-- PUC Lua 把嵌套的 C 调用数限制在 LUAI_MAXCCALLS（200）以内，超过就报 C stack overflow。
local depth = 0
local function dive()
  depth = depth + 1
  if depth == 1000 then return end            -- 最多试 1000 层
  local ok, err = coroutine.resume(coroutine.create(dive))
  if not ok then error(err, 0) end            -- 把最里层的错误一层层传出来
end

local ok, err = pcall(dive)
print("1000 层都成功了：", ok)
print("错误消息：", err)
print("出错时的深度在 150 到 200 之间：", depth > 150 and depth <= 200)

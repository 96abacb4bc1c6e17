-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 练习答案：先在纸上写出四行输出，再运行核对。
local co = coroutine.create(function(x)
  local y = coroutine.yield(x * 2)        -- 交出 6；下次 resume 的参数成为 y
  local z, w = coroutine.yield(x + y)     -- 交出 3 + 4；再下次的两个参数成为 z, w
  return x + y + z + w
end)

print(coroutine.resume(co, 3))            -- x = 3
print(coroutine.resume(co, 4))            -- y = 4
print(coroutine.resume(co, 5, 6))         -- z, w = 5, 6
print(coroutine.resume(co))

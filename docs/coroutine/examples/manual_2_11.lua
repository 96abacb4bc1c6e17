-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- Lua 5.1 参考手册 §2.11 的示例代码：https://www.lua.org/manual/5.1/manual.html#2.11
-- 原样照录，只去掉了手册排版用的整体缩进。
-- Copyright © 2006-2012 Lua.org, PUC-Rio. 按 Lua 的 MIT 许可证使用。
function foo (a)
  print("foo", a)
  return coroutine.yield(2*a)
end

co = coroutine.create(function (a,b)
      print("co-body", a, b)
      local r = foo(a+1)
      print("co-body", r)
      local r, s = coroutine.yield(a+b, a-b)
      print("co-body", r, s)
      return b, "end"
end)

print("main", coroutine.resume(co, 1, 10))
print("main", coroutine.resume(co, "r"))
print("main", coroutine.resume(co, "x", "y"))
print("main", coroutine.resume(co, "x", "y"))

-- runs-on: 5.4
-- 打印当前的运行时：官方 Lua 打印 _VERSION，LuaJIT 另外打印 jit.version
if jit then
  print(_VERSION, jit.version)
else
  print(_VERSION)
end

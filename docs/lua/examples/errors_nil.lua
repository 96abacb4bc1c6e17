-- runs-on: 5.5
-- error(nil)：5.4 及以前，pcall 接到的错误对象就是 nil；5.5 把它换成一个字符串
local ok, e = pcall(error, nil)
print(ok, type(e), tostring(e))

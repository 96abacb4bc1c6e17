-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 最小的 Lua 程序：print 把参数转成字符串，用制表符隔开，末尾加换行。
print("hello world")
print("1 + 1 =", 1 + 1)

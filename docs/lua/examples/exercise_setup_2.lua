-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- print 用制表符分隔参数；io.write 什么也不加，分隔符和换行要自己写
for i = 1, 3 do print(i, i * i) end
for i = 1, 3 do io.write(i, " 的平方是 ", i * i, "\n") end

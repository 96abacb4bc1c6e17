-- runs-on: 5.1 5.2 luajit
-- math.pow 在不在，取决于版本和编译选项
print(type(math.pow))
print(math.pow(2, 10), 2 ^ 10)

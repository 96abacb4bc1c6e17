-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
print("hello world")

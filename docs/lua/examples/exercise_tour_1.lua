-- runs-on: 5.3 5.4 5.5
print(#"汉字")
print(0 and "真" or "假")
print(10 // 3)
print(type(nil))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 统计一个文件的行数、单词数和字节数（类似 wc），用临时文件做输入，最后删掉
local path = os.tmpname()
local f = assert(io.open(path, "w"))
f:write("hello world\n", "lua is small\n", "\n", "end\n")
f:close()

local lines, words, bytes = 0, 0, 0
for line in io.lines(path) do
  lines = lines + 1
  bytes = bytes + #line + 1              -- io.lines 去掉了换行符，把它加回来
  for _ in line:gmatch("%S+") do words = words + 1 end
end
print(lines, words, bytes)
assert(os.remove(path))

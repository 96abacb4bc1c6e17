-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 读写文件：先取一个临时文件名，用完删掉，不在磁盘上留下任何东西
local path = os.tmpname()

-- "w" 写入（清空已有内容），"a" 追加，"r" 读取（默认）；加 "b" 表示二进制
local f = assert(io.open(path, "w"))
f:write("第一行\n", "第二行\n", 42, " ", 3.5, "\n")
f:close()

-- 逐行读：io.lines(path) 打开文件、逐行返回（不含换行符），读完自动关闭
for line in io.lines(path) do print("行：" .. line) end

-- read 的格式："*l" 一行，"*n" 一个数字，"*a" 剩下的全部（5.3 起也可以不写 *）
f = assert(io.open(path, "r"))
print(f:read("*l"))
print(f:read("*l"))
local a, b = f:read("*n", "*n")
print(string.format("%.1f %.1f", a + 0.5, b * 2))
print(f:seek("set", 0))              -- seek 返回新的位置；"set" 从开头算
print(#f:read("*a"))                 -- 整个文件的字节数
print(f:read("*l"))                  -- 读到末尾之后返回 nil
f:close()
print(io.type(f), io.type(io.stdout), io.type(42))

-- 打开失败不抛错，而是返回 nil、消息和错误码
local g, msg = io.open(path .. ".不存在/x", "r")
print(g, type(msg))

assert(os.remove(path))              -- 删除临时文件
print(io.open(path) == nil)

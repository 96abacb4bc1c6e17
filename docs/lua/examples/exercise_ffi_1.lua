-- runs-on: luajit
-- 用 libc 的 strtol 解析不同进制的整数，并检查有没有解析完整个字符串
local ffi = require("ffi")
ffi.cdef([[ long strtol(const char *s, char **endptr, int base); ]])
local function parse(s, base)
  local endp = ffi.new("char *[1]")             -- 一个 char* 的「盒子」，让 C 写回结束位置
  local v = ffi.C.strtol(s, endp, base)
  local used = endp[0] - ffi.cast("const char *", s)   -- 指针相减得到读了几个字节
  return tonumber(v), tonumber(used) == #s
end
print(parse("ff", 16))
print(parse("777", 8))
print(parse("101z", 2))

-- runs-on: luajit
-- LuaJIT 的 FFI：用 C 的声明语法描述函数和类型，然后直接调用，不写任何 C 绑定代码
local ffi = require("ffi")

ffi.cdef([[
size_t strlen(const char *s);
int abs(int x);
int toupper(int c);
typedef struct { double x, y; } point_t;
]])

-- ffi.C 是默认的 C 命名空间（进程里已经加载的 libc 等）
local n = ffi.C.strlen("汉字")
print(type(n), tonumber(n), ffi.C.abs(-7))       -- size_t 返回的是 cdata，用 tonumber 转换
print(string.char(ffi.C.toupper(string.byte("q"))))

-- ffi.new 创建 C 数据（cdata）：结构体按字段初始化，数组下标从 0 开始
local p = ffi.new("point_t", 3, 4)
print(p.x, p.y, ffi.sizeof("point_t"))
local arr = ffi.new("int[5]", { 10, 20, 30 })   -- 没给的元素是 0
print(arr[0], arr[2], arr[4], ffi.sizeof(arr))

-- C 字符串与 Lua 字符串：ffi.string 把 char* 复制成 Lua 字符串
local buf = ffi.new("char[8]", "hi")
print(ffi.string(buf), ffi.string(buf, 1))

-- ffi.metatype：给 C 结构体配上元表，像 Lua 对象一样使用
local Vec = ffi.metatype("struct { double x, y; }", {
  __add = function(a, b) return ffi.new(ffi.typeof(a), a.x + b.x, a.y + b.y) end,
  __tostring = function(v) return string.format("(%g, %g)", v.x, v.y) end,
  __index = { len = function(v) return math.sqrt(v.x * v.x + v.y * v.y) end },
})
local v = Vec(3, 4) + Vec(1, 1)
print(tostring(v), Vec(3, 4):len())

-- 64 位整数：LL/ULL 后缀的字面量是 int64_t/uint64_t 的 cdata，超出 2^53 也是精确的
print(9007199254740993LL, 2 ^ 53 + 1 == 2 ^ 53, 2LL ^ 63)
print(type(1LL), ffi.istype("int64_t", 1LL), tonumber(1LL) == 1)

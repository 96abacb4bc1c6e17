-- runs-on: luajit
-- 用 FFI 管理 C 内存、调用带回调的 C 函数、调用变参函数
local ffi = require("ffi")
ffi.cdef([[
void *malloc(size_t size);
void free(void *ptr);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
int snprintf(char *buf, size_t size, const char *fmt, ...);
]])

-- ffi.gc：给一块 C 内存挂上终结器，cdata 被回收时自动调用 free
local freed = 0
local function alloc_ints(n)
  local raw = ffi.C.malloc(n * ffi.sizeof("int"))
  local p = ffi.cast("int *", raw)
  return ffi.gc(p, function(ptr) freed = freed + 1; ffi.C.free(ptr) end)
end
local function scope()
  local a = alloc_ints(4)
  for i = 0, 3 do a[i] = (i * 7) % 5 end       -- 指针可以像数组一样下标访问
  return a[0] + a[1] + a[2] + a[3]
end
print("和", scope())
collectgarbage(); collectgarbage()
print("已释放", freed, "块")

-- 回调：把 Lua 函数转换成 C 函数指针，交给 qsort
local nums = ffi.new("int[6]", { 5, 3, 9, 1, 7, 2 })
local cmp = ffi.cast("int (*)(const void *, const void *)", function(a, b)
  local x, y = ffi.cast("const int *", a)[0], ffi.cast("const int *", b)[0]
  return x < y and -1 or (x > y and 1 or 0)
end)
ffi.C.qsort(nums, 6, ffi.sizeof("int"), cmp)
cmp:free()                                      -- 回调占用的资源有限，用完要释放
local out = {}
for i = 0, 5 do out[#out + 1] = nums[i] end
print(table.concat(out, " "))

-- 变参函数：额外的参数要明确 C 类型，否则 Lua 数字会按 double 传递
local buf = ffi.new("char[64]")
local len = ffi.C.snprintf(buf, 64, "%d 个 %s，%.2f", ffi.new("int", 3), "苹果", 1.5)
print(len, ffi.string(buf))

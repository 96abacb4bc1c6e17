-- runs-on: luajit
-- C 结构体数组：求一组点的重心
local ffi = require("ffi")
ffi.cdef([[ typedef struct { double x, y; } pt; ]])
local pts = ffi.new("pt[3]", { { 0, 0 }, { 4, 0 }, { 2, 6 } })
local function centroid(arr, n)
  local sx, sy = 0, 0
  for i = 0, n - 1 do sx, sy = sx + arr[i].x, sy + arr[i].y end
  return sx / n, sy / n
end
print(centroid(pts, 3))
print(ffi.sizeof(pts), ffi.sizeof("pt") * 3)

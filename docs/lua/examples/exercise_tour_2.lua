-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
local function make()
  local n = 0
  local function inc() n = n + 1 end
  local function get() return n end
  return inc, get
end
local inc, get = make()
inc(); inc()
local inc2, get2 = make()
inc2()
print(get(), get2())

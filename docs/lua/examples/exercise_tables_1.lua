-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 浅拷贝只复制第一层；深拷贝递归地复制嵌套的表
local function shallow_copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

local function deep_copy(t, seen)
  if type(t) ~= "table" then return t end
  seen = seen or {}
  if seen[t] then return seen[t] end   -- 处理循环引用
  local c = {}
  seen[t] = c
  for k, v in pairs(t) do c[deep_copy(k, seen)] = deep_copy(v, seen) end
  return c
end

local orig = { n = 1, inner = { 1, 2 } }
orig.self = orig
local s, d = shallow_copy(orig), deep_copy(orig)
orig.inner[1] = 99
print(s.inner[1], d.inner[1])       -- 浅拷贝与原表共享 inner
print(s.self == orig, d.self == d)  -- 深拷贝里的循环引用指向拷贝自己

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 弱表：元表的 __mode 含 "k" 表示键是弱引用，含 "v" 表示值是弱引用。
-- 只被弱引用指向的对象，垃圾回收器照样回收，并把对应的条目从表里删掉。
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end

-- 1. 弱键：给对象附加额外数据，而不妨碍对象被回收
local extra = setmetatable({}, { __mode = "k" })
local function attach(n)
  local keep = {}
  for i = 1, n do
    local obj = {}
    extra[obj] = "第 " .. i .. " 个对象的附加数据"
    if i % 2 == 0 then keep[#keep + 1] = obj end   -- 只留住偶数号的对象
  end
  return keep
end
local kept = attach(6)
collectgarbage()
print("弱键表剩下", count(extra), "条")          -- 只剩被 kept 引用的 3 个
print(extra[kept[1]])

-- 2. 弱值：缓存。没人用的缓存项会被自动清掉
local cache = setmetatable({}, { __mode = "v" })
local function load_item(name)
  local item = cache[name]
  if not item then
    item = { name = name }
    cache[name] = item
  end
  return item
end
local function use_some()
  local a = load_item("a")
  load_item("b"); load_item("c")                  -- 用完即弃
  return a
end
local a = use_some()
collectgarbage()
print("弱值缓存剩下", count(cache), "条", cache.a == a)

-- 3. 字符串、数字、布尔值不是「对象」，不会从弱表里被清掉
local w = setmetatable({}, { __mode = "kv" })
w[1] = "字符串值"
w.key = 42
collectgarbage()
print(w[1], w.key)

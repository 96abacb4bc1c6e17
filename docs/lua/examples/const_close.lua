-- runs-on: 5.4 5.5
-- Lua 5.4 给局部变量加了属性：<const> 不能再赋值，<close> 离开作用域时自动清理。
local LIMIT <const> = 3
print(load("local x <const> = 1; x = 2"))   -- 编译期就拒绝：对常量赋值

-- 一个「资源」：元表里的 __close 会在变量离开作用域时被调用。
local function open_resource(name)
  print("打开 " .. name)
  return setmetatable({ name = name }, {
    __close = function(res, err)
      print("关闭 " .. res.name .. (err and ("（因为出错：" .. err .. "）") or ""))
    end,
  })
end

do
  local a <close> = open_resource("A")
  local b <close> = open_resource("B")
  print("使用 " .. a.name .. " 和 " .. b.name)
end                                          -- 按相反顺序关闭：先 B 后 A

-- 出错时也会关闭，错误对象作为第二个参数传给 __close。
local ok, err = pcall(function()
  local c <close> = open_resource("C")
  error("磁盘满了", 0)
end)
print(ok, err)

-- 提前 return 同样会触发关闭，这正是 <close> 比手写 cleanup 可靠的地方。
local function first_over(limit, values)
  local log <close> = open_resource("日志")
  for _, v in ipairs(values) do
    if v > limit then return v end
  end
  return nil
end
print(first_over(LIMIT, { 1, 5, 9 }))

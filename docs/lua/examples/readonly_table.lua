-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- __index 管「读不到」，__newindex 管「写新键」。用一个空代理表把两者都拦下来。
local function readonly(t, name)
  return setmetatable({}, {
    __index = t,                             -- 读：转给真正的数据
    __newindex = function(_, key)            -- 写：代理总是空的，每次写都到这里
      error("不能修改只读表 " .. name .. " 的字段 " .. tostring(key), 2)
    end,
  })
end

local config = readonly({ host = "127.0.0.1", port = 8080 }, "config")
print(config.host, config.port, config.missing)

local ok, err = pcall(function()
  config.port = 80                   -- 第 16 行：level 2 把错误算到这里
end)
print(ok, err)

-- rawset / rawget 绕过元方法：元表只是约定，不是安全边界。
rawset(config, "port", 80)
print(config.port, rawget(config, "host"))

-- 同样的机制可以给缺失的键提供默认值。
local counts = setmetatable({}, { __index = function() return 0 end })
for word in ("a b a c b a"):gmatch("%a") do
  counts[word] = counts[word] + 1
end
print(counts.a, counts.b, counts.c, counts.z)

-- runs-on: luajit
-- 在 LuaJIT 里，return assert(...) 和 return error(...) 是对 C 函数的尾调用：
-- 调用者的栈帧被替换掉，位置前缀就找不到行号了。PUC Lua 把尾调用的 C 函数当普通调用执行，前缀还在。
local function check(v) return nil, "格式错误" end
local function has_prefix(e) return e:match("^[^:]+:%d+: ") ~= nil end

local _, e1 = pcall(function() return assert(check()) end)             -- 尾调用
local _, e2 = pcall(function() local v = assert(check()) return v end)  -- 普通调用
local _, e3 = pcall(function() return error("出错了") end)              -- 尾调用
print("return assert(...)  ", has_prefix(e1), e1)
print("local v = assert(...)", has_prefix(e2), e2)
print("return error(...)   ", has_prefix(e3), e3)

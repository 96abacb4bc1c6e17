-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 真正从文件加载模块：在临时目录里写一个 .lua 文件，把它的目录加进 package.path
local base = os.tmpname()                      -- 一个临时文件名，例如 /tmp/lua_Ab12Cd
local dir, name = base:match("^(.*)/([^/]+)$")
local path = base .. ".lua"

local f = assert(io.open(path, "w"))
f:write([[
local M = {}
local loads = (LOADS or 0) + 1   -- 用一个全局变量数一数模块代码执行了几次
LOADS = loads
function M.greet(who) return "你好，" .. who end
return M
]])
f:close()

local old_path = package.path
package.path = dir .. "/?.lua;" .. package.path   -- ? 会被替换成模块名

local m1 = require(name)
local m2 = require(name)                          -- 第二次直接取 package.loaded 里的缓存
print(m1.greet("模块"), m1 == m2, LOADS)
print(package.loaded[name] == m1, package.loaded.string == string)

package.loaded[name] = nil                        -- 清掉缓存，再 require 就会重新执行文件
local m3 = require(name)
print(m3 == m1, LOADS)

-- 找不到模块时 require 抛出错误，消息里列出了尝试过的每个位置
local ok, err = pcall(require, "no_such_module_here")
print(ok, (err:match("^[^\n]*")))

-- 收拾干净：恢复 package.path，删除两个临时文件
package.path = old_path
package.loaded[name], LOADS = nil, nil
assert(os.remove(path))
os.remove(base)   -- 有的构建（如 LuaJIT）会同时创建这个文件，有的不会，所以不检查结果
print(io.open(path) == nil)

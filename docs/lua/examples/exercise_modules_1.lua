-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 一个带私有状态的模块：id 生成器。next_id 对外可见，counter 不可见
package.preload["idgen"] = function()
  local counter = 0                -- 模块的私有变量
  local M = {}
  function M.next_id(prefix)
    counter = counter + 1
    return (prefix or "id") .. "-" .. counter
  end
  return M
end

local a = require("idgen")
local b = require("idgen")         -- 同一个模块表，共享同一个 counter
print(a.next_id(), b.next_id("user"), a.next_id())
print(a == b, a.counter)

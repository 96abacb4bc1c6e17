-- runs-on: 5.1 luajit
-- 循环依赖：A 加载时 require B，B 加载时又 require A
package.preload.A = function() local B = require("B") return { name = "A" } end
package.preload.B = function() local A = require("A") return { name = "B" } end
local ok, err = pcall(require, "A")
err = tostring(err)
if err:find("loop or previous error", 1, true) then
  print(ok, "require 发现了循环：" .. err:match("module '%w+'"))
elseif err:find("stack overflow", 1, true) then
  print(ok, "没有检测，一直递归到栈溢出")
end

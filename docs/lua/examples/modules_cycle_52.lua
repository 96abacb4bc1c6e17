-- runs-on: 5.2 5.3 5.4 5.5
-- 同样的循环依赖，在 5.2 及以后：require 不再放「正在加载」的标记，
-- A 和 B 互相 require，一直递归，直到 C 栈溢出
package.preload.A = function() local B = require("B") return { name = "A" } end
package.preload.B = function() local A = require("A") return { name = "B" } end
local ok, err = pcall(require, "A")
print(ok, (tostring(err):match("^[^\n]*")))

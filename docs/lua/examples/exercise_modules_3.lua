-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- reload(name)：清掉缓存再 require，得到重新执行后的新模块表
local version = 0
package.preload["conf"] = function()
  version = version + 1
  return { version = version }
end
local function reload(name)
  package.loaded[name] = nil
  return require(name)
end
local c1 = require("conf")
local c2 = reload("conf")
print(c1.version, c2.version, require("conf") == c2)

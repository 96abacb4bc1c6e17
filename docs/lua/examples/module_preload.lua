-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 模块就是一个返回 table 的 chunk。平时它在单独的 geometry.lua 里，
-- 这里用 package.preload 注册一个加载函数，让示例保持单文件。
package.preload["geometry"] = function(name)
  print("加载模块 " .. name)            -- 只会打印一次
  local M = {}                           -- 模块的公开接口

  local function square(x) return x * x end   -- 局部函数：外部看不到

  function M.distance(x1, y1, x2, y2)
    return math.sqrt(square(x2 - x1) + square(y2 - y1))
  end

  M.unit = "米"
  return M                               -- require 的返回值就是它
end

local geo = require("geometry")
print(geo.distance(0, 0, 3, 4) == 5, geo.unit, geo.square)

-- 第二次 require 不会重新执行加载函数，而是从 package.loaded 里直接取。
local again = require("geometry")
print(again == geo, package.loaded["geometry"] == geo)

-- 想「重新加载」，先把缓存清掉。
package.loaded["geometry"] = nil
local fresh = require("geometry")
print(fresh == geo)

-- 找不到模块时 require 抛错；用 pcall 可以做可选依赖。
local ok = pcall(require, "no.such.module")
print("可选模块可用：" .. tostring(ok))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 可选依赖：有 cjson 就用它，没有就退回一个最简单的实现
local ok, json = pcall(require, "surely_missing_json_lib")
if not ok then
  json = {
    encode = function(t)
      local parts = {}
      for i, v in ipairs(t) do parts[i] = string.format("%q", v) end
      return "[" .. table.concat(parts, ",") .. "]"
    end,
  }
end
print(ok, json.encode({ "a", "b" }))

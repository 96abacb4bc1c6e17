-- 模块级的 lrucache：每个 worker 在第一次 require 时各自创建一份。
local lrucache = require "resty.lrucache"

local cache, err = lrucache.new(100)   -- 最多 100 项
if not cache then
    error("lrucache.new: " .. err)
end

return cache

-- 路由表：URI 到处理函数。模块在每个 worker 里只加载一次。
local greet = require "myapp.greet"

local _M = {}

local routes = {
    ["/hello"] = greet.hello,
    ["/count"] = greet.count,
}

function _M.match(uri)
    return routes[uri]
end

return _M

-- 路由表里多了一项；处理函数放在自己的模块里。
local greet = require "myapp.greet"
local clock = require "myapp.clock"

local _M = {}

local routes = {
    ["/hello"] = greet.hello,
    ["/time"] = clock.epoch,
}

function _M.match(uri)
    return routes[uri]
end

return _M

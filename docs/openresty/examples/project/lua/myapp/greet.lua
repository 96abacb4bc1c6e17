-- 业务模块：模块顶层的 local 活在 worker 里，请求之间保留。
local _M = {}

local served = 0

function _M.hello()
    local name = ngx.var.arg_name or "world"
    ngx.log(ngx.INFO, "hello handler, name=", name)  -- 低于 notice：不会写进 error.log
    ngx.log(ngx.NOTICE, "greeting ", name)
    ngx.say("hello, ", name)
end

function _M.count()
    served = served + 1
    ngx.say("this worker served /count ", served, " time(s)")
end

return _M

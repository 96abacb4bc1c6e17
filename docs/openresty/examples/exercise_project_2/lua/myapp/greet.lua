local _M = {}

function _M.hello()
    ngx.say("hello, ", ngx.var.arg_name or "world")
end

return _M

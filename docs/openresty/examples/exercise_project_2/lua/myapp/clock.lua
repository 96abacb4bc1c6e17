-- ngx.parse_http_time 把 HTTP 日期变成秒数；这里用固定的输入，输出才可以测试。
local _M = {}

function _M.epoch()
    local text = ngx.var.arg_date or "Thu, 01 Jan 1970 00:01:40 GMT"
    ngx.say(text, " = ", ngx.parse_http_time(text), " 秒")
end

return _M

-- 正确做法：模块只定义函数，I/O 留到处理请求的代码调用它时再做。
local _M = {}
local cached   -- 每个 worker 一份的缓存：第一次调用时取，之后直接用

function _M.get()
    if cached then
        return cached
    end
    local sock = ngx.socket.tcp()
    sock:settimeout(1000)
    local ok, err = sock:connect("127.0.0.1", 8081)
    if not ok then
        return nil, err
    end
    sock:send("GET /config HTTP/1.0\r\nHost: config\r\n\r\n")
    local response = sock:receive("*a")
    sock:close()
    cached = response:match("\r\n\r\n(.*)")
    return cached
end

return _M

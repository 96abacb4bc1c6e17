-- tinyhttp：用 cosocket 手写的 HTTP/1.1 GET，只处理带 Content-Length 的响应。
local _M = {}

function _M.get(host, port, path, timeout_ms)
    local sock = ngx.socket.tcp()
    sock:settimeouts(timeout_ms, timeout_ms, timeout_ms)
    local ok, err = sock:connect(host, port)
    if not ok then
        return nil, "connect: " .. err
    end

    local request = {
        "GET ", path, " HTTP/1.1\r\n",
        "Host: ", host, "\r\n",
        "User-Agent: tinyhttp\r\n",
        "\r\n",
    }
    ok, err = sock:send(request)
    if not ok then
        return nil, "send: " .. err
    end

    -- 状态行：HTTP/1.1 200 OK
    local line
    line, err = sock:receive("*l")
    if not line then
        return nil, "status line: " .. err
    end
    local status = tonumber(line:match("^HTTP/1%.%d (%d%d%d)"))

    -- 响应头：一行一个，空行结束
    local headers = {}
    while true do
        line, err = sock:receive("*l")
        if not line then
            return nil, "headers: " .. err
        end
        if line == "" then
            break
        end
        local name, value = line:match("^([^:]+):%s*(.*)$")
        if name then
            headers[name:lower()] = value
        end
    end

    local length = tonumber(headers["content-length"])
    if not length then
        sock:close()
        return nil, "no Content-Length (chunked responses are not supported here)"
    end
    local body
    body, err = sock:receive(length)
    if not body then
        return nil, "body: " .. err
    end

    sock:setkeepalive(10000, 16)   -- HTTP/1.1 默认长连接：读完整个响应才能放回池里
    return { status = status, headers = headers, body = body }
end

return _M

-- 在 log_by_lua 里攒日志，攒够一批交给零延迟定时器，由定时器用 cosocket 发出去。
local _M = {}

local BATCH_SIZE = 3
local buffer = {}   -- 模块级的表：每个 worker 一份，跨请求存在

local function flush(premature, batch)
    -- premature 时也照样发送：worker 退出前把手上的日志送走
    local sock = ngx.socket.tcp()
    sock:settimeout(1000)
    local ok, err = sock:connect("127.0.0.1", 8081)
    if not ok then
        ngx.log(ngx.ERR, "日志收集端连不上：", err)
        return
    end
    local body = table.concat(batch, "\n")
    sock:send("POST /collect HTTP/1.0\r\nHost: collector\r\nContent-Length: " .. #body .. "\r\n\r\n" .. body)
    sock:receive("*a")
    sock:close()
end

function _M.add(line)
    buffer[#buffer + 1] = line
    if #buffer < BATCH_SIZE then
        return
    end
    local batch = buffer
    buffer = {}
    local ok, err = ngx.timer.at(0, flush, batch)
    if not ok then
        ngx.log(ngx.ERR, "ngx.timer.at: ", err)
    end
end

return _M

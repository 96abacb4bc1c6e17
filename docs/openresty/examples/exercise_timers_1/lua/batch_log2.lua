-- 练习答案：攒满一批就发，另外每 0.1 秒把不满一批的也发出去；worker 退出时做最后一次发送。
local _M = {}

local BATCH_SIZE = 3
local buffer = {}

local function send(batch)
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

-- 取走当前缓冲区：之后的日志进新表，同一批不会被发两次
local function take()
    local batch = buffer
    buffer = {}
    return batch
end

local function flush_batch(premature, batch)
    send(batch)
end

function _M.add(line)
    buffer[#buffer + 1] = line
    if #buffer >= BATCH_SIZE then
        ngx.timer.at(0, flush_batch, take())
    end
end

function _M.start()
    local ok, err = ngx.timer.every(0.1, function(premature)
        if #buffer > 0 then   -- premature 时也照样发送
            send(take())
        end
    end)
    if not ok then
        ngx.log(ngx.ERR, "ngx.timer.every: ", err)
    end
end

return _M

-- tinyredis：在 ngx.socket.tcp 上写的最小 Redis 客户端，只为讲清楚原理。
-- 约定和 ngx.* 的 I/O 函数一样：成功返回结果；网络出错返回 nil 和错误字符串；
-- Redis 回答了一个错误（"-ERR ..."）时返回 false 和那条错误。
local tcp = ngx.socket.tcp
local concat = table.concat
local null = ngx.null

local _M = {}
local mt = { __index = _M }

-- timeout_ms 同时用作连接、发送、读取的超时。
function _M.new(timeout_ms)
    local sock, err = tcp()
    if not sock then
        return nil, err
    end
    sock:settimeouts(timeout_ms, timeout_ms, timeout_ms)
    return setmetatable({ sock = sock }, mt)
end

function _M.connect(self, host, port)
    -- 池里有到 host:port 的空闲连接时，connect 直接拿来用，不会新建 TCP 连接。
    return self.sock:connect(host, port)
end

-- RESP 请求：一个数组，每个参数是一个 bulk string：*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n
function _M.encode(args)
    local parts = { "*", #args, "\r\n" }
    for _, arg in ipairs(args) do
        arg = tostring(arg)
        parts[#parts + 1] = "$" .. #arg .. "\r\n" .. arg .. "\r\n"
    end
    return concat(parts)
end

-- 读一个回复。首字节决定类型：+ 状态，- 错误，: 整数，$ 字符串，* 数组。
local function read_reply(sock)
    local line, err = sock:receive("*l")   -- 读到 \n 为止，去掉 \r\n
    if not line then
        return nil, err
    end
    local kind, rest = line:sub(1, 1), line:sub(2)
    if kind == "+" then
        return rest
    elseif kind == "-" then
        return false, rest
    elseif kind == ":" then
        return tonumber(rest)
    elseif kind == "$" then
        local size = tonumber(rest)
        if size < 0 then
            return null                      -- 键不存在：Redis 的 nil
        end
        local data, rerr = sock:receive(size + 2)   -- 数据加结尾的 \r\n
        if not data then
            return nil, rerr
        end
        return data:sub(1, size)
    elseif kind == "*" then
        local count = tonumber(rest)
        if count < 0 then
            return null
        end
        local items = {}
        for i = 1, count do
            local item, ierr = read_reply(sock)
            if item == nil then
                return nil, ierr
            end
            items[i] = item
        end
        return items
    end
    return nil, "bad reply: " .. line
end
_M.read_reply = read_reply

-- 发一条命令，读它的回复：red:call("SET", "k", "v")
function _M.call(self, ...)
    local ok, err = self.sock:send(_M.encode({ ... }))
    if not ok then
        return nil, err
    end
    return read_reply(self.sock)
end

-- 用完放回连接池：idle_ms 是空闲多久后关闭，pool_size 是这个池最多留几条连接。
function _M.set_keepalive(self, idle_ms, pool_size)
    return self.sock:setkeepalive(idle_ms, pool_size)
end

-- 这条连接从池里被取出来用过几次；新建的连接是 0。
function _M.reused_times(self)
    return self.sock:getreusedtimes()
end

function _M.close(self)
    return self.sock:close()
end

return _M

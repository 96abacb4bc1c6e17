-- 管道：一次 send 发出所有命令，再按顺序读回同样多的回复，只花一次网络往返。
local redis = require "tinyredis"

local _M = {}

function _M.run(red, commands)
    local encoded = {}
    for i, args in ipairs(commands) do
        encoded[i] = redis.encode(args)
    end
    local ok, err = red.sock:send(encoded)   -- send 也接受字符串数组
    if not ok then
        return nil, err
    end
    local results = {}
    for i = 1, #commands do
        local res, rerr = redis.read_reply(red.sock)
        if res == nil then
            return nil, rerr
        end
        -- 某一条命令出错不影响其他命令：把错误原样放进结果里
        results[i] = res == false and ("error: " .. rerr) or res
    end
    return results
end

return _M

-- 固定窗口限流：每个调用方每 60 秒最多 limit 次，计数在所有 worker 共用的共享字典里。
local _M = {}

local counters = ngx.shared.gw_limits
local WINDOW = 60

-- 返回是否放行，以及本窗口还剩几次。
function _M.take(name, limit)
    local n, err = counters:incr("rl:" .. name, 1, 0, WINDOW)
    if not n then
        -- 计数器出错时放行：限流是保护措施，不应该因为它自己的故障拒绝所有人
        ngx.log(ngx.ERR, "rate limit counter failed: ", err)
        return true, limit
    end
    if n > limit then
        return false, 0
    end
    return true, limit - n
end

return _M

-- API 密钥查询：先查共享字典，没有再问 Redis，结果（包括「不存在」）缓存起来。
local redis = require "tinyredis"

local _M = {}

local cache = ngx.shared.gw_keys
local POSITIVE_TTL = 30   -- 秒：密钥被吊销后最多 30 秒失效
local NEGATIVE_TTL = 10

local function from_redis(api_key)
    local red, err = redis.new(200)
    if not red then
        return nil, err
    end
    local ok
    ok, err = red:connect("127.0.0.1", 6379)
    if not ok then
        return nil, "connect: " .. err
    end
    local res
    res, err = red:call("HMGET", "apikey:" .. api_key, "consumer", "limit")
    if not res then
        red:close()
        return nil, err
    end
    red:set_keepalive(10000, 32)
    if res[1] == ngx.null then
        return false
    end
    return { name = res[1], limit = tonumber(res[2]) or 60 }
end

-- 返回 consumer 表和 "hit"/"miss"；密钥不存在时返回 false；Redis 出错时返回 nil 和错误。
function _M.lookup(api_key)
    local cached = cache:get(api_key)
    if cached ~= nil then
        if cached == "" then
            return false, "hit"
        end
        local name, limit = cached:match("^(.-)\t(%d+)$")
        return { name = name, limit = tonumber(limit) }, "hit"
    end

    local consumer, err = from_redis(api_key)
    if consumer == nil then
        return nil, err
    end
    if consumer then
        cache:set(api_key, consumer.name .. "\t" .. consumer.limit, POSITIVE_TTL)
    else
        cache:set(api_key, "", NEGATIVE_TTL)
    end
    return consumer, "miss"
end

return _M

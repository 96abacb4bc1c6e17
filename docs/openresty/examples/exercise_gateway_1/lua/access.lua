-- 练习答案：在原来的 access.lua 上加一条授权规则（在限流之前，被拒绝的请求不消耗额度）。
local keys = require "gateway.keys"
local ratelimit = require "gateway.ratelimit"
local respond = require "gateway.respond"

local api_key = ngx.var.http_x_api_key
if not api_key or api_key == "" then
    return respond.error(ngx.HTTP_UNAUTHORIZED, "missing X-Api-Key")
end

local consumer, source = keys.lookup(api_key)
if consumer == nil then
    ngx.log(ngx.ERR, "api key lookup failed: ", source)
    return respond.error(ngx.HTTP_SERVICE_UNAVAILABLE, "auth backend unavailable")
end
ngx.ctx.key_cache = source           -- "hit" 或 "miss"，给响应头和日志用
if consumer == false then
    return respond.error(ngx.HTTP_FORBIDDEN, "unknown api key")
end
ngx.ctx.consumer = consumer.name

-- 鉴权（你是谁）之后是授权（你能做什么）
local admins = { alice = true }
if ngx.var.uri:find("^/api/admin/") and not admins[consumer.name] then
    return respond.error(ngx.HTTP_FORBIDDEN, "admin only")
end

local allowed, remaining = ratelimit.take(consumer.name, consumer.limit)
ngx.ctx.remaining = remaining
if not allowed then
    return respond.error(429, "rate limit exceeded")
end

-- 告诉后端是谁在调用；客户端自己带来的同名头被覆盖，不能冒充
ngx.req.set_header("X-Consumer", consumer.name)

-- header_filter 阶段：响应头还没发出，把 access 阶段记下的信息告诉客户端。
local ctx = ngx.ctx
if ctx.key_cache then
    ngx.header["X-Key-Cache"] = ctx.key_cache
end
if ctx.remaining then
    ngx.header["X-RateLimit-Remaining"] = ctx.remaining
end

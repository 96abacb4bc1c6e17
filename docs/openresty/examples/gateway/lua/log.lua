-- log 阶段：响应已经发完，记一行 JSON。这里不能再用 cosocket，也不该做慢操作。
local cjson = require "cjson.safe"

local entry = {
    consumer = ngx.ctx.consumer or ngx.null,
    method = ngx.var.request_method,
    uri = ngx.var.uri,
    status = ngx.status,
    key_cache = ngx.ctx.key_cache or ngx.null,
    upstream = ngx.var.upstream_addr or ngx.null,
    ms = math.floor((ngx.now() - ngx.req.start_time()) * 1000 + 0.5),
}
ngx.log(ngx.NOTICE, "access ", cjson.encode(entry))

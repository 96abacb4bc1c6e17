-- 网关自己生成的错误响应：统一的 JSON 格式。
local cjson = require "cjson.safe"

local _M = {}

function _M.error(status, message)
    ngx.status = status
    ngx.header.content_type = "application/json"
    ngx.say(cjson.encode({ error = message }))
    return ngx.exit(ngx.HTTP_OK)   -- 内容已经写好：结束请求，不再进入 proxy_pass
end

return _M

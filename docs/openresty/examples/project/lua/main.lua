-- 入口文件：每个请求运行一次。只做分发，具体逻辑在模块里。
local router = require "myapp.router"

local handler = router.match(ngx.var.uri)
if not handler then
    ngx.log(ngx.WARN, "no route for ", ngx.var.uri)
    return ngx.exit(ngx.HTTP_NOT_FOUND)
end
handler()

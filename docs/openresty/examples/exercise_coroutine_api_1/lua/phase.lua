-- 现在能不能调用 cosocket、ngx.sleep 这类会挂起的 API？看当前阶段。
local _M = {}

-- 来自 README（v0.10.23）里 ngx.sleep 和 ngx.socket.tcp 的 context 一栏，加上 v0.10.23 新增、
-- 同样可以挂起的 server_rewrite。
local yieldable = {
    server_rewrite = true, rewrite = true, access = true, content = true, timer = true,
    ssl_cert = true, ssl_session_fetch = true, ssl_client_hello = true,
}

function _M.can_yield()
    return yieldable[ngx.get_phase()] == true
end

return _M

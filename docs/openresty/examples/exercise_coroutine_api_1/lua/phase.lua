-- 现在能不能调用 cosocket、ngx.sleep 这类会挂起的 API？看当前阶段。
local _M = {}

local yieldable = { rewrite = true, access = true, content = true, timer = true }

function _M.can_yield()
    return yieldable[ngx.get_phase()] == true
end

return _M

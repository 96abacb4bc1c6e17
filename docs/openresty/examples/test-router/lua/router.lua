-- 一个不依赖 ngx.* 的小路由器：纯 Lua，所以能在 nginx 之外用 busted 测试。
local _M = {}
_M.__index = _M

function _M.new()
    return setmetatable({ routes = {} }, _M)
end

-- pattern 形如 "/users/:id"，冒号开头的一段是参数
function _M:add(method, pattern, name)
    local keys = {}
    local lua_pattern = "^" .. pattern:gsub("[%-%.%+%*%?%[%]%^%$%%]", "%%%0"):gsub(":(%w+)", function(key)
        keys[#keys + 1] = key
        return "([^/]+)"
    end) .. "$"
    self.routes[#self.routes + 1] = { method = method, pattern = lua_pattern, keys = keys, name = name }
end

-- 返回路由名和参数表；没有匹配时返回 nil 和原因
function _M:match(method, path)
    local path_matched = false
    for _, route in ipairs(self.routes) do
        local captures = { path:match(route.pattern) }   -- 没有分组时得到整个匹配
        if #captures > 0 then
            path_matched = true
            if route.method == method then
                local params = {}
                for i, key in ipairs(route.keys) do
                    params[key] = captures[i]
                end
                return route.name, params
            end
        end
    end
    return nil, path_matched and "method not allowed" or "not found"
end

return _M

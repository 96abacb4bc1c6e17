-- 模块顶层的 local：只要模块不被重新加载，它就一直累加。
local n = 0

return {
    next = function()
        n = n + 1
        return n
    end,
}

-- 练习答案：同一路径按方法区分。模块用上一节文件夹里的那一份。
package.path = "../test-router/lua/?.lua;" .. package.path
local router = require "router"

describe("同一路径的两个方法", function()
    it("GET 和 POST 各自匹配自己的路由", function()
        local r = router.new()
        r:add("GET", "/items", "list_items")
        r:add("POST", "/items", "create_item")
        assert.are.equal("list_items", (r:match("GET", "/items")))
        assert.are.equal("create_item", (r:match("POST", "/items")))
        assert.are.same({ nil, "method not allowed" }, { r:match("PUT", "/items") })
    end)
end)

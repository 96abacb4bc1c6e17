-- busted 的测试文件：describe 分组，it 是一个测试用例，assert 做断言。
local router = require "router"

describe("router", function()
    local r

    before_each(function()
        r = router.new()
        r:add("GET", "/users/:id", "show_user")
        r:add("POST", "/users", "create_user")
        r:add("GET", "/files/:name.txt", "show_file")
    end)

    it("取出路径里的参数", function()
        local name, params = r:match("GET", "/users/42")
        assert.are.equal("show_user", name)
        assert.are.same({ id = "42" }, params)
    end)

    it("没有参数的路由", function()
        assert.are.equal("create_user", (r:match("POST", "/users")))
    end)

    it("路径对了、方法不对", function()
        assert.are.same({ nil, "method not allowed" }, { r:match("DELETE", "/users/42") })
    end)

    it("没有匹配的路径", function()
        assert.are.same({ nil, "not found" }, { r:match("GET", "/nowhere") })
    end)

    it("模式里的点号按字面匹配", function()
        assert.are.equal("show_file", (r:match("GET", "/files/a.txt")))
        assert.is_nil((r:match("GET", "/files/axtxt")))
    end)
end)

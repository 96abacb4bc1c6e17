-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 模板替换：把 {{name}} 换成表里的值，缺失的键换成空串
local function render(tpl, vars)
  return (tpl:gsub("{{%s*(%w+)%s*}}", function(k) return tostring(vars[k] or "") end))
end
print(render("你好，{{ name }}！你有 {{n}} 条消息。{{missing}}", { name = "Ada", n = 3 }))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 热重载时，新脚本在运行时出错（不是语法错误）也不能让引擎停下：用 pcall 调用 update
local state = { frame = 0 }
local behavior = function(s) s.frame = s.frame + 1 end

local function tick()
  local ok, err = pcall(behavior, state)
  if not ok then
    print("第 " .. state.frame .. " 帧出错，换回默认行为：" .. tostring(err):gsub("^.-:%d+: ", ""))
    behavior = function(s) s.frame = s.frame + 1 end
  end
end

tick(); tick()
behavior = function(s) error("脚本里的 bug", 0) end   -- 「策划」提交了一个有 bug 的新版本
tick()
tick()
print("帧数", state.frame)

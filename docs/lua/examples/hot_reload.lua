-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 模拟游戏引擎里的「热重载」：行为脚本是一段文本，引擎重新编译它、换掉函数，
-- 而实体的状态（位置、血量）留在引擎的数据里，不会因为重载而丢失。
local function load_in(source, name, env)   -- 与 env_sandbox.lua 相同的兼容写法
  if setfenv then
    local chunk, err = loadstring(source, name)
    if not chunk then return nil, err end
    return setfenv(chunk, env)
  end
  return load(source, name, "t", env)
end

-- 引擎这一侧：实体数据 + 暴露给脚本的少量 API。
local slime = { name = "史莱姆", x = 0, hp = 10 }
local api = {
  move = function(e, dx) e.x = e.x + dx end,
  say = function(e, text) print(e.name .. "（x=" .. e.x .. "）：" .. text) end,
}

local behavior                               -- 当前生效的行为：一个 update 函数

local function reload(source, version)
  local env = setmetatable({}, { __index = api })
  local chunk, err = load_in(source, "=" .. version, env)
  if not chunk then
    print("重载 " .. version .. " 失败，继续用旧脚本：" .. err)
    return
  end
  chunk()                                    -- 运行脚本，让它定义 update
  behavior = env.update
  print("已载入 " .. version)
end

-- 策划写的第一版：慢慢往右走。
reload([[
function update(e)
  move(e, 1)
  say(e, "咕噜")
end
]], "v1")
behavior(slime)
behavior(slime)

-- 改成第二版（游戏不重启）：跑得更快，血少时逃跑。
reload([[
function update(e)
  if e.hp < 5 then move(e, -3); say(e, "快跑！") return end
  move(e, 2)
  say(e, "冲呀")
end
]], "v2")
behavior(slime)
slime.hp = 3
behavior(slime)

-- 第三版有语法错误：引擎报告错误，旧行为照常工作。
reload("function update(e) move(e, 1 end", "v3")
behavior(slime)

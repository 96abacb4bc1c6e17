-- runs-on: 5.2 5.3 5.4 5.5 luajit
-- Lua 没有 continue。5.2 加入了 goto 和 ::标签::，LuaJIT 2.0 起也支持；
-- Lua 5.1 不认识这种语法，整个文件在编译阶段就失败。
local picked = {}
for i = 1, 10 do
  if i % 3 ~= 0 then goto continue end   -- 跳过不是 3 的倍数的数
  picked[#picked + 1] = i
  ::continue::
end
print(table.concat(picked, " "))

-- goto 也能一次跳出多层循环，代替「带标签的 break」。
local grid = { { 1, 2, 3 }, { 4, 42, 6 }, { 7, 8, 9 } }
local found
for r = 1, #grid do
  for c = 1, #grid[r] do
    if grid[r][c] == 42 then
      found = r .. "," .. c
      goto done
    end
  end
end
::done::
print("42 在第 " .. found .. " 格")

-- 不用 goto 的老写法：把循环体包进只执行一次的 repeat，用 break 充当 continue。
local old_style = {}
for i = 1, 10 do
  repeat
    if i % 3 ~= 0 then break end
    old_style[#old_style + 1] = i
  until true
end
print(table.concat(old_style, " "))

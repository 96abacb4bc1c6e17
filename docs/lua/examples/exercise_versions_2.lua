-- runs-on: 5.2 5.3 5.4 5.5 luajit
-- 跨版本的按位与：5.3 起用运算符（放进 load，老版本才不会在编译整个文件时报错），
-- 5.2 用 bit32，LuaJIT 用 bit
local band
if bit32 then
  band = bit32.band
elseif jit then
  band = require("bit").band
else
  band = (loadstring or load)("return function(a, b) return a & b end")()
end
print(band(6, 3), band(0xF0, 0x3C), band(255, 1))

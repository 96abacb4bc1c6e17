-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 让子类继承父类的元方法：创建子类时把父类里以 __ 开头的字段复制过来
local function class(parent)
  local cls = {}
  if parent then
    for k, v in pairs(parent) do
      if type(k) == "string" and k:sub(1, 2) == "__" and k ~= "__index" then
        cls[k] = v
      end
    end
  end
  cls.__index = cls
  return setmetatable(cls, { __index = parent })
end

local Animal = class()
function Animal.new(cls, name) return setmetatable({ name = name }, cls) end
Animal.__tostring = function(a) return "Animal(" .. a.name .. ")" end
Animal.__eq = function(a, b) return a.name == b.name end

local Cat = class(Animal)
local c1, c2 = Animal.new(Cat, "咪咪"), Animal.new(Cat, "咪咪")
print(tostring(c1), c1 == c2, rawequal(c1, c2))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 没有 class 关键字：「类」就是放方法的 table，「继承」就是 __index 链。
local function class(parent)
  local cls = {}
  cls.__index = cls                        -- 实例找不到的键去类里找
  -- 类自身也有元表：找不到的键去父类里找；__call 让「调用类」等于 new。
  return setmetatable(cls, {
    __index = parent,
    __call = function(c, ...)
      local obj = setmetatable({}, c)
      obj:init(...)
      return obj
    end,
  })
end

local Animal = class()
function Animal:init(name) self.name = name end
function Animal:speak() return self.name .. " 发出了声音" end
function Animal:describe() return "[" .. self:kind() .. "] " .. self:speak() end
function Animal:kind() return "动物" end

local Dog = class(Animal)
function Dog:init(name, trick)
  Animal.init(self, name)                  -- 显式调用父类方法，相当于 super
  self.trick = trick
end
function Dog:speak() return self.name .. "：汪！还会" .. self.trick end
function Dog:kind() return "狗" end
Dog.__tostring = function(d) return "Dog(" .. d.name .. ")" end

local generic = Animal("某动物")
local rex = Dog("旺财", "握手")

print(generic:describe())
print(rex:describe())                      -- describe 来自 Animal，speak 来自 Dog
print(tostring(rex), rawget(rex, "describe"), rawget(Dog, "describe"))
print(getmetatable(rex) == Dog, getmetatable(Dog).__index == Animal)

-- 元方法不走 __index 链：Lua 直接在元表里 rawget("__tostring")。
Animal.__tostring = function(a) return "Animal(" .. a.name .. ")" end
local Cat = class(Animal)                  -- Cat 表里没有自己的 __tostring
print(tostring(generic), tostring(Cat("咪咪")):sub(1, 6))

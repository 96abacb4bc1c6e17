-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 用弱键表保存对象的「私有字段」：外面拿不到，对象被回收时自动清除
local secret = setmetatable({}, { __mode = "k" })
local Account = {}
Account.__index = Account
function Account.new(balance)
  local self = setmetatable({}, Account)
  secret[self] = { balance = balance }
  return self
end
function Account:deposit(n) secret[self].balance = secret[self].balance + n end
function Account:balance() return secret[self].balance end

local acc = Account.new(100)
acc:deposit(50)
print(acc:balance(), acc.balance == Account.balance, rawget(acc, "balance"))

local function temp() Account.new(1) end
temp()
collectgarbage()
local n = 0
for _ in pairs(secret) do n = n + 1 end
print("私有数据表里还有", n, "个对象")

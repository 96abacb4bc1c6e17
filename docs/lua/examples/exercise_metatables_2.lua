-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 一个 Stack 类：push、pop、peek、size，以及 __tostring
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({ items = {}, n = 0 }, Stack) end
function Stack:push(v) self.n = self.n + 1; self.items[self.n] = v; return self end
function Stack:pop()
  if self.n == 0 then return nil end
  local v = self.items[self.n]
  self.items[self.n] = nil
  self.n = self.n - 1
  return v
end
function Stack:peek() return self.items[self.n] end
function Stack:size() return self.n end
Stack.__tostring = function(s) return "Stack[" .. table.concat(s.items, ",") .. "]" end

local s = Stack.new():push(1):push(2):push(3)   -- push 返回 self，可以链式调用
print(tostring(s), s:size())
print(s:pop(), s:peek(), tostring(s))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 约定一：可以预料的失败返回 nil 加错误消息，由调用者决定怎么办
local function read_config(text)
  local port = text:match("^port=(%d+)$")
  if not port then return nil, "格式错误：" .. text end
  return tonumber(port)
end
print(read_config("port=8080"))
print(read_config("port=http"))

-- assert(v, msg) 把「返回错误」转成「抛出错误」：v 为假时以 msg 抛错，否则返回全部参数
print(pcall(function() return assert(read_config("port=80")) end))
-- 和 error 一样，assert 给字符串消息加上「文件:行号:」前缀，指向调用 assert 的那一行
local ok0, e0 = pcall(function()
  local port = assert(read_config("oops"))   -- 第 15 行
  return port
end)
print(ok0, e0)

-- 约定二：编程错误（调用方用错了）直接抛出
-- 错误值可以是任何类型；只有字符串会被加上位置前缀
print(pcall(error, 42))
local E = setmetatable({ code = 1 }, { __tostring = function(e) return "E" .. e.code end })
local ok, e = pcall(error, E)
print(ok, e == E, tostring(e))

-- error 可以重新抛出接到的错误：错误对象原样穿过多层 pcall
local ok2, e2 = pcall(function()
  local ok3, e3 = pcall(error, { code = 7 })
  error(e3)                            -- 重新抛出，不改变它
end)
print(ok2, e2.code)

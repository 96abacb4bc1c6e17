-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 一个按字符喂入的词法分析器。输入一次只来一个字符（就像从网络一点点收到），
-- 分析器是一个协程：要下一个字符时就 yield，凑出一个完整的词就交给 emit。
local function tokenizer(emit)
  return coroutine.wrap(function(c)
    while true do
      if c:match("%d") then
        local digits = c
        c = coroutine.yield()
        while c:match("%d") do
          digits = digits .. c
          c = coroutine.yield()
        end
        emit("NUMBER", digits)     -- c 已经是数字之后的字符，继续判断它
      elseif c:match("%a") then
        local word = c
        c = coroutine.yield()
        while c:match("%w") do
          word = word .. c
          c = coroutine.yield()
        end
        emit("NAME", word)
      elseif c == " " then
        c = coroutine.yield()
      elseif c == "$" then          -- 输入结束
        emit("END", "$")
        return
      else
        emit("SYMBOL", c)
        c = coroutine.yield()
      end
    end
  end)
end

local feed = tokenizer(function(kind, text)
  print(string.format("%-7s %s", kind, text))
end)

for c in ("x1 = 42+y$"):gmatch(".") do
  feed(c)
end

-- runs-on: 5.3 5.4 5.5 luajit
-- 在独立的 LuaJIT 和 Lua 5.3+ 里，coroutine.isyieldable 是一个函数。
print(type(coroutine.isyieldable))
print(coroutine.isyieldable())                    -- 主线程里：不能让出
print(coroutine.wrap(coroutine.isyieldable)())    -- 协程里：可以让出

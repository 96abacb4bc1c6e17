-- runs-on: 5.4 5.5
-- 5.4 起可以在两种回收模式之间切换；collectgarbage 返回切换之前的模式
print(collectgarbage("generational"))   -- 切到分代模式，返回原来的 "incremental"
print(collectgarbage("incremental"))    -- 切回增量模式，返回 "generational"
print(collectgarbage("isrunning"))      -- 回收器是否在自动运行

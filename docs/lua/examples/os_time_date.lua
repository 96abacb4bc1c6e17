-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- os.date 的格式以 "!" 开头时按 UTC 解释，结果与本机时区无关
print(os.date("!%Y-%m-%d %H:%M:%S", 0))            -- Unix 纪元
print(os.date("!%Y-%m-%d %A", 1700000000))

-- "*t"（或 "!*t"）返回一个表，字段有 year、month、day、hour、min、sec、wday、yday、isdst
local t = os.date("!*t", 86400 * 59)               -- 纪元之后第 59 天
print(t.year, t.month, t.day, t.wday, t.yday)

-- os.time(表) 按本地时间把日期转回时间戳；两个时间戳的差与时区无关
local d1 = os.time({ year = 2024, month = 2, day = 1, hour = 12 })
local d2 = os.time({ year = 2024, month = 3, day = 1, hour = 12 })
print(string.format("2024 年 2 月有 %d 天", os.difftime(d2, d1) / 86400))

-- os.time 会规范化超出范围的字段：1 月 32 日就是 2 月 1 日
local norm = os.time({ year = 2023, month = 1, day = 32, hour = 12 })
print(os.date("%Y-%m-%d", norm))

-- os.clock 返回本进程用掉的 CPU 时间（秒），适合粗略计时；os.time() 返回当前时间戳
print(type(os.clock()), type(os.time()))

-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 给定一个日期，算出它是星期几、是当年的第几天。
-- os.time 和 os.date("*t") 都按本地时间解释，来回一次互相抵消；取中午，避开夏令时切换的那个小时
local names = { "日", "一", "二", "三", "四", "五", "六" }
local function info(y, m, d)
  local ts = os.time({ year = y, month = m, day = d, hour = 12 })
  local t = os.date("*t", ts)
  return string.format("%04d-%02d-%02d 星期%s 第 %d 天", t.year, t.month, t.day, names[t.wday], t.yday)
end
print(info(2000, 1, 1))
print(info(2024, 12, 31))

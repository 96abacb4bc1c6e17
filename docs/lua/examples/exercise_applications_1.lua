-- runs-on: 5.1 5.2 5.3 5.4 5.5 luajit
-- 在普通的 Lua 里模拟 Wireshark 的 Listener：驱动程序对每个包调用 packet，最后调用 draw。
-- 这样可以在没有 Wireshark 的机器上测试统计逻辑。
local function new_listener() return {} end

-- 被测试的脚本：和真实的 tap 脚本一样，只定义 packet、draw、reset
local tap = new_listener()
local counts = {}
function tap.packet(pinfo) counts[pinfo.qname] = (counts[pinfo.qname] or 0) + 1 end
function tap.draw()
  local names = {}
  for name in pairs(counts) do names[#names + 1] = name end
  table.sort(names, function(a, b)
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  for i = 1, math.min(2, #names) do print(string.format("%3d  %s", counts[names[i]], names[i])) end
end
function tap.reset() counts = {} end

-- 假的「抓包文件」
local packets = {
  { qname = "lua.org" }, { qname = "example.com" }, { qname = "lua.org" },
  { qname = "openresty.org" }, { qname = "example.com" }, { qname = "lua.org" },
}
for _, p in ipairs(packets) do tap.packet(p) end
tap.draw()
tap.reset()
tap.draw()   -- reset 之后没有数据，什么也不打印
print("完成")

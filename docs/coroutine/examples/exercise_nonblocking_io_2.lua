-- runs-on: luajit
-- 练习答案：给 receive 加超时。wait 多带一个截止时刻，调度器把最近的截止时刻换算成
-- poll 的超时参数；poll 返回 0（没人就绪）时，把到期的任务以「timeout」唤醒。
local ffi = require("ffi")
local bit = require("bit")
local C = ffi.C
ffi.cdef [[
struct sockaddr_in { uint16_t sin_family; uint16_t sin_port; uint32_t sin_addr; uint8_t sin_zero[8]; };
struct pollfd { int fd; short events; short revents; };
struct timespec { long tv_sec; long tv_nsec; };
int socket(int domain, int type, int protocol);
int bind(int fd, const struct sockaddr_in *addr, uint32_t len);
int listen(int fd, int backlog);
int getsockname(int fd, struct sockaddr_in *addr, uint32_t *len);
int connect(int fd, const struct sockaddr_in *addr, uint32_t len);
long recv(int fd, void *buf, size_t n, int flags);
int fcntl(int fd, int cmd, ...);
int poll(struct pollfd *fds, unsigned long n, int timeout);
int clock_gettime(int clock, struct timespec *ts);
int close(int fd);
]]
local AF_INET, SOCK_STREAM, F_GETFL, F_SETFL, O_NONBLOCK = 2, 1, 3, 4, 2048
local EAGAIN, EINPROGRESS, POLLIN, POLLOUT, CLOCK_MONOTONIC = 11, 115, 1, 4, 1

local function now_ms()
  local ts = ffi.new("struct timespec")
  C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local ready, waiting = {}, {}
local function spawn(body) ready[#ready + 1] = { co = coroutine.create(body) } end
local function wait(fd, events, deadline) return coroutine.yield(fd, events, deadline) end

local function run()
  while #ready > 0 or #waiting > 0 do
    local batch = ready
    ready = {}
    for _, task in ipairs(batch) do
      local ok, fd, events, deadline = coroutine.resume(task.co, task.why)
      assert(ok, fd)
      if coroutine.status(task.co) == "suspended" then
        waiting[#waiting + 1] = { task = task, fd = fd, events = events, deadline = deadline or math.huge }
      end
    end
    if #ready == 0 and #waiting > 0 then
      local fds, nearest = ffi.new("struct pollfd[?]", #waiting), math.huge
      for i, w in ipairs(waiting) do
        fds[i - 1].fd, fds[i - 1].events = w.fd, w.events
        nearest = math.min(nearest, w.deadline)
      end
      local timeout = nearest == math.huge and -1 or math.max(0, math.ceil(nearest - now_ms()))
      C.poll(fds, #waiting, timeout)
      local still, t = {}, now_ms()
      for i, w in ipairs(waiting) do
        if fds[i - 1].revents ~= 0 then
          w.task.why, ready[#ready + 1] = "ready", w.task
        elseif w.deadline <= t then
          w.task.why, ready[#ready + 1] = "timeout", w.task
        else
          still[#still + 1] = w
        end
      end
      waiting = still
    end
  end
end

local function nonblocking_socket()
  local fd = C.socket(AF_INET, SOCK_STREAM, 0)
  C.fcntl(fd, F_SETFL, ffi.new("int", bit.bor(C.fcntl(fd, F_GETFL), O_NONBLOCK)))
  return fd
end

local buffer = ffi.new("char[256]")
local function receive(fd, timeout_ms)
  local deadline = now_ms() + timeout_ms
  while true do
    local n = C.recv(fd, buffer, 256, 0)
    if n >= 0 then return ffi.string(buffer, n) end
    assert(ffi.errno() == EAGAIN)
    if wait(fd, POLLIN, deadline) == "timeout" then return nil, "timeout" end
  end
end

-- 一个只 listen、从不 accept 也从不回答的「服务器」：连接能建立，但永远等不到数据。
local listener = nonblocking_socket()
local addr = ffi.new("struct sockaddr_in", { sin_family = AF_INET, sin_addr = 0x0100007f })
assert(C.bind(listener, addr, ffi.sizeof(addr)) == 0 and C.listen(listener, 4) == 0)
C.getsockname(listener, addr, ffi.new("uint32_t[1]", ffi.sizeof(addr)))

spawn(function()
  local fd = nonblocking_socket()
  if C.connect(fd, addr, ffi.sizeof(addr)) < 0 then
    assert(ffi.errno() == EINPROGRESS)
    wait(fd, POLLOUT)
  end
  print("连接已建立，等待回答（最多 50 毫秒）")
  local started = now_ms()
  local data, err = receive(fd, 50)
  print("结果：", data, err, "至少等了 50 毫秒：" .. tostring(now_ms() - started >= 50))
  C.close(fd)
end)
run()
C.close(listener)

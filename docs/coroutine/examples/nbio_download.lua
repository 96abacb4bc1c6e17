-- runs-on: luajit
-- 一个协作式调度器驱动真实的非阻塞 socket：服务器协程和三个下载协程在同一个线程里，
-- 通过 127.0.0.1 上的 TCP 连接传文件。系统调用经由 LuaJIT 的 FFI 直接调用（常量取 Linux 的值）。
local ffi = require("ffi")
local bit = require("bit")
local C = ffi.C

ffi.cdef [[
struct sockaddr_in { uint16_t sin_family; uint16_t sin_port; uint32_t sin_addr; uint8_t sin_zero[8]; };
struct pollfd { int fd; short events; short revents; };
int socket(int domain, int type, int protocol);
int setsockopt(int fd, int level, int name, const void *value, uint32_t len);
int bind(int fd, const struct sockaddr_in *addr, uint32_t len);
int listen(int fd, int backlog);
int getsockname(int fd, struct sockaddr_in *addr, uint32_t *len);
int accept(int fd, void *addr, void *len);
int connect(int fd, const struct sockaddr_in *addr, uint32_t len);
long send(int fd, const void *buf, size_t n, int flags);
long recv(int fd, void *buf, size_t n, int flags);
int fcntl(int fd, int cmd, ...);
int poll(struct pollfd *fds, unsigned long n, int timeout);
int close(int fd);
uint16_t htons(uint16_t port);
char *strerror(int errnum);
]]

local AF_INET, SOCK_STREAM, SOL_SOCKET = 2, 1, 1
local SO_REUSEADDR, SO_SNDBUF, SO_RCVBUF = 2, 7, 8
local F_GETFL, F_SETFL, O_NONBLOCK = 3, 4, 2048
local EAGAIN, EINPROGRESS = 11, 115
local POLLIN, POLLOUT, MSG_NOSIGNAL = 1, 4, 0x4000
local LOOPBACK = 0x0100007f                    -- 127.0.0.1，网络字节序（小端机器上）

---------------------------------------------------------------- 调度器
local ready, waiting = {}, {}                  -- 可运行的任务；在等 fd 的任务
local stats = { polls = 0 }

local function spawn(name, body)
  ready[#ready + 1] = { name = name, co = coroutine.create(body) }
end

-- 任务里调用：挂起，直到 fd 上出现 events（POLLIN 可读 / POLLOUT 可写）。
local function wait(fd, events)
  coroutine.yield(fd, events)
end

local function run()
  while #ready > 0 or #waiting > 0 do
    local batch = ready
    ready = {}
    for _, task in ipairs(batch) do            -- 1. 把能跑的任务各跑一段
      local ok, fd, events = coroutine.resume(task.co)
      if not ok then error(task.name .. " 出错：" .. tostring(fd)) end
      if coroutine.status(task.co) == "suspended" then
        waiting[#waiting + 1] = { task = task, fd = fd, events = events }
      end
    end
    if #ready == 0 and #waiting > 0 then       -- 2. 都在等 I/O：问内核谁就绪了
      local fds = ffi.new("struct pollfd[?]", #waiting)
      for i, w in ipairs(waiting) do
        fds[i - 1].fd, fds[i - 1].events = w.fd, w.events
      end
      stats.polls = stats.polls + 1
      assert(C.poll(fds, #waiting, 5000) > 0, "poll 超时")
      local still = {}
      for i, w in ipairs(waiting) do           -- 3. 就绪的放回可运行队列
        if fds[i - 1].revents ~= 0 then ready[#ready + 1] = w.task else still[#still + 1] = w end
      end
      waiting = still
    end
  end
end

---------------------------------------------------------------- 非阻塞 socket
local function check(rc, what)
  if rc < 0 then error(what .. ": " .. ffi.string(C.strerror(ffi.errno())), 2) end
  return rc
end

local function set_nonblocking(fd)             -- 此后这个 fd 上的调用不再阻塞，而是返回 EAGAIN
  local flags = check(C.fcntl(fd, F_GETFL), "fcntl")
  check(C.fcntl(fd, F_SETFL, ffi.new("int", bit.bor(flags, O_NONBLOCK))), "fcntl")
  return fd
end

local function new_socket(buffer_size)
  local fd = set_nonblocking(check(C.socket(AF_INET, SOCK_STREAM, 0), "socket"))
  if buffer_size then                          -- 缓冲区调小，让传输必须分很多次完成
    local size = ffi.new("int[1]", buffer_size)
    check(C.setsockopt(fd, SOL_SOCKET, SO_SNDBUF, size, 4), "setsockopt")
    check(C.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, size, 4), "setsockopt")
  end
  return fd
end

local function address(port)
  local addr = ffi.new("struct sockaddr_in")
  addr.sin_family, addr.sin_port, addr.sin_addr = AF_INET, C.htons(port), LOOPBACK
  return addr
end

local function accept(listener)
  while true do
    local fd = C.accept(listener, nil, nil)
    if fd >= 0 then return set_nonblocking(fd) end -- 新连接不继承 O_NONBLOCK
    if ffi.errno() ~= EAGAIN then check(-1, "accept") end
    wait(listener, POLLIN)                     -- 还没有连接进来：让出
  end
end

local function connect(fd, port)
  local rc = C.connect(fd, address(port), ffi.sizeof("struct sockaddr_in"))
  if rc < 0 and ffi.errno() ~= EINPROGRESS then check(-1, "connect") end
  if rc < 0 then wait(fd, POLLOUT) end         -- 握手还没完成：等它变得可写
end

local function send_all(fd, data)
  local sent = 0
  while sent < #data do
    local n = C.send(fd, ffi.cast("const char *", data) + sent, #data - sent, MSG_NOSIGNAL)
    if n > 0 then
      sent = sent + tonumber(n)
    elseif ffi.errno() == EAGAIN then
      wait(fd, POLLOUT)                        -- 发送缓冲区满了：等对方读走一些
    else
      check(-1, "send")
    end
  end
end

local buffer = ffi.new("char[?]", 65536)
local function receive(fd)                     -- 返回收到的一段数据；对方关闭连接时返回 nil
  while true do
    local n = C.recv(fd, buffer, 65536, 0)
    if n > 0 then return ffi.string(buffer, n) end
    if n == 0 then return nil end
    if ffi.errno() ~= EAGAIN then check(-1, "recv") end
    wait(fd, POLLIN)                           -- 暂时没有数据：让出
  end
end

---------------------------------------------------------------- 服务器与客户端
local files = {
  ["a.txt"] = string.rep("a", 300000),
  ["b.txt"] = string.rep("0123456789", 20000),
  ["c.txt"] = string.rep("lua\n", 25000),
}

local listener = new_socket()
check(C.setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, ffi.new("int[1]", 1), 4), "setsockopt")
check(C.bind(listener, address(0), ffi.sizeof("struct sockaddr_in")), "bind") -- 端口 0：由内核挑一个空闲端口
check(C.listen(listener, 16), "listen")
local bound, len = ffi.new("struct sockaddr_in"), ffi.new("uint32_t[1]", ffi.sizeof("struct sockaddr_in"))
check(C.getsockname(listener, bound, len), "getsockname")
local port = C.htons(bound.sin_port)           -- 网络字节序转回主机字节序
print("服务器在 127.0.0.1 的一个临时端口上监听")

local served = 0
spawn("server", function()
  for _ = 1, 3 do
    local conn = accept(listener)
    spawn("handler", function()                -- 每个连接一个协程
      C.setsockopt(conn, SOL_SOCKET, SO_SNDBUF, ffi.new("int[1]", 4096), 4)
      local request = ""
      repeat request = request .. (receive(conn) or "") until request:find("\n")
      send_all(conn, files[request:match("^GET (%S+)")])
      C.close(conn)
      served = served + 1
    end)
  end
  C.close(listener)
end)

local active, max_active, results, arrivals = 0, 0, {}, {}
for _, name in ipairs({ "a.txt", "b.txt", "c.txt" }) do
  spawn(name, function()
    local fd = new_socket(4096)
    connect(fd, port)
    send_all(fd, "GET " .. name .. "\n")
    active = active + 1
    max_active = math.max(max_active, active)
    local parts, chunks = {}, 0
    for chunk in receive, fd do                -- receive 在没有数据时会让出
      parts[#parts + 1], chunks = chunk, chunks + 1
      arrivals[#arrivals + 1] = name           -- 记下每一段数据是谁收到的
    end
    active = active - 1
    C.close(fd)
    results[name] = { body = table.concat(parts), chunks = chunks }
  end)
end

run()

for _, name in ipairs({ "a.txt", "b.txt", "c.txt" }) do
  local r = results[name]
  print(string.format("%s：%d 字节，内容%s，分多次收到：%s", name, #r.body,
    r.body == files[name] and "一致" or "不一致", tostring(r.chunks > 1)))
end
print("服务器处理的连接数：" .. served)
print("同时在下载的客户端最多：" .. max_active)
local switches = 0                             -- 相邻两段数据属于不同下载的次数
for i = 2, #arrivals do
  if arrivals[i] ~= arrivals[i - 1] then switches = switches + 1 end
end
print("三个下载交错进行：" .. tostring(switches > 2))
print("调度器调用过 poll：" .. tostring(stats.polls > 0))

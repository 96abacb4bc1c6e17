-- 错误示范：模块在顶层（被 require 时）就做网络 I/O。
local sock = ngx.socket.tcp()
sock:settimeout(1000)
assert(sock:connect("127.0.0.1", 8081))   -- connect 要等网络，需要挂起协程
sock:send("GET /config HTTP/1.0\r\nHost: config\r\n\r\n")
local body = sock:receive("*a"):match("\r\n\r\n(.*)")
sock:close()

return { value = body }

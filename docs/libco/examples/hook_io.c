// build-as: shared
// build-flags: -ldl
/* hook_io.c —— 用 LD_PRELOAD 装进程序的系统调用钩子：read、write、connect。
 * 编译：cc -shared -fPIC -o hook_io.so hook_io.c -ldl    运行：LD_PRELOAD=./hook_io.so ./hook_demo
 *
 * 程序照常调用「阻塞」的 read/write/connect。动态链接器先找到这里的同名函数；
 * 它们用 dlsym(RTLD_NEXT, ...) 找到 C 库里真正的那个。如果程序提供了调度器的
 * hk_wait（找不到就原样转给 C 库），而这次调用会阻塞，就改成：登记 epoll、让出、就绪后再试。 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

int hook_io_loaded = 1; /* 程序用 dlsym 查这个名字，就知道钩子装上了没有 */

typedef ssize_t (*read_fn)(int, void *, size_t);
typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef int (*connect_fn)(int, const struct sockaddr *, socklen_t);
typedef int (*wait_fn)(int fd, unsigned events); /* 程序里的调度器：等 fd 就绪，期间运行别的协程 */

/* 程序导出的 hk_wait（程序用 -rdynamic 链接）；不在协程里时它返回 -1。 */
static wait_fn scheduler_wait(void) {
    static wait_fn wait;
    static int looked;
    if (!looked) {
        wait = (wait_fn)dlsym(RTLD_DEFAULT, "hk_wait");
        looked = 1;
    }
    return wait;
}

/* 只接管「业务眼里是阻塞的」套接字：普通文件、管道、已经设了 O_NONBLOCK 的都原样放行。 */
static int blocking_socket(int fd, int *flags) {
    int type;
    socklen_t len = sizeof type;
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0) return 0;
    *flags = fcntl(fd, F_GETFL);
    return *flags >= 0 && !(*flags & O_NONBLOCK);
}

/* 在协程里等 fd：成功返回 0；不在协程里（main 直接调用）就用真正的 poll 阻塞着等。 */
static void wait_for(int fd, unsigned events, const char *call) {
    wait_fn wait = scheduler_wait();
    printf("    [hook] %s(fd %d) 会阻塞 → 登记 epoll，让出\n", call, fd);
    if (wait == NULL || wait(fd, events) != 0) {
        struct pollfd p = {.fd = fd, .events = (short)(events == EPOLLIN ? POLLIN : POLLOUT)};
        poll(&p, 1, -1);
    }
}

ssize_t read(int fd, void *buf, size_t n) {
    static read_fn real_read;
    if (!real_read) real_read = (read_fn)dlsym(RTLD_NEXT, "read");
    int flags;
    if (!scheduler_wait() || !blocking_socket(fd, &flags)) return real_read(fd, buf, n);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK); /* 只在这一次调用里非阻塞 */
    ssize_t got;
    while ((got = real_read(fd, buf, n)) < 0 && errno == EAGAIN) wait_for(fd, EPOLLIN, "read");
    int saved = errno;
    fcntl(fd, F_SETFL, flags); /* 还原：程序看到的仍是它设置的阻塞套接字 */
    errno = saved;
    return got;
}

ssize_t write(int fd, const void *buf, size_t n) {
    static write_fn real_write;
    if (!real_write) real_write = (write_fn)dlsym(RTLD_NEXT, "write");
    int flags;
    if (!scheduler_wait() || !blocking_socket(fd, &flags)) return real_write(fd, buf, n);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    size_t done = 0; /* 阻塞语义是「全部写完才返回」，所以写不完就等可写、接着写 */
    ssize_t result = 0;
    while (done < n) {
        ssize_t put = real_write(fd, (const char *)buf + done, n - done);
        if (put >= 0) {
            done += (size_t)put;
        } else if (errno == EAGAIN) {
            wait_for(fd, EPOLLOUT, "write");
        } else {
            result = -1;
            break;
        }
    }
    int saved = errno;
    fcntl(fd, F_SETFL, flags);
    errno = saved;
    return done > 0 ? (ssize_t)done : result;
}

int connect(int fd, const struct sockaddr *addr, socklen_t len) {
    static connect_fn real_connect;
    if (!real_connect) real_connect = (connect_fn)dlsym(RTLD_NEXT, "connect");
    int flags;
    if (!scheduler_wait() || !blocking_socket(fd, &flags)) return real_connect(fd, addr, len);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    int result = real_connect(fd, addr, len); /* 非阻塞的 connect 立刻返回 EINPROGRESS */
    if (result < 0 && errno == EINPROGRESS) {
        wait_for(fd, EPOLLOUT, "connect"); /* 连接完成（或失败）时套接字变得可写 */
        int error = 0;
        socklen_t size = sizeof error;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
        result = error ? -1 : 0;
        errno = error;
    }
    int saved = errno;
    fcntl(fd, F_SETFL, flags);
    errno = saved;
    return result;
}

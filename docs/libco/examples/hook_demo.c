// build-with: ctxswitch.S
// build-flags: -rdynamic -ldl
// preload: hook_io.c
// requires: x86_64
/* 程序里只有「阻塞」的 read/write/connect 和一个小调度器；让它们不阻塞线程的是 LD_PRELOAD 的 hook_io.so。
 * 第一幕：一个协程 connect 本机的 TCP 端口。第二幕：两个协程通过 socketpair 一问一答。 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "coro.h"

typedef struct task {
    coro co;
    const char *name;
    _Alignas(16) char stack[64 * 1024];
} task;

static task *current; /* 正在运行的协程；在 main 里是 NULL */
static task *ready[8];
static int nready;
static int epfd;

/* 钩子通过 dlsym 找到这个函数（所以要 -rdynamic）：登记 fd，让出，就绪后被调度循环恢复。 */
int hk_wait(int fd, unsigned events) {
    task *self = current;
    if (self == NULL) return -1; /* 不在协程里：让钩子自己阻塞 */
    struct epoll_event ev = {.events = events, .data.ptr = self};
    epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
    coro_yield(&self->co, NULL); /* 回到 run_all 的调度循环 */
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
    return 0;
}

static void spawn(task *t, const char *name, coro_body body) {
    t->name = name;
    coro_init(&t->co, body, t->stack, sizeof t->stack);
    ready[nready++] = t;
}

/* 事件循环：先运行所有就绪的协程，再用 epoll_wait 等下一批。 */
static void run_all(int alive) {
    while (alive > 0) {
        while (nready > 0) {
            task *t = ready[0];
            memmove(ready, ready + 1, (size_t)--nready * sizeof ready[0]);
            current = t;
            coro_resume(&t->co, t);
            current = NULL;
            if (t->co.done) alive--;
        }
        if (alive == 0) break;
        struct epoll_event evs[8];
        int n = epoll_wait(epfd, evs, 8, 5000);
        if (n <= 0) {
            printf("调度器：5 秒内没有任何事件，放弃\n");
            return;
        }
        for (int i = 0; i < n; i++) ready[nready++] = evs[i].data.ptr;
    }
}

static struct sockaddr_in server_addr;

static void *client(coro *self, void *arg) {
    task *me = arg;
    (void)self;
    int fd = socket(AF_INET, SOCK_STREAM, 0); /* 普通的阻塞套接字 */
    printf("%s：connect 127.0.0.1\n", me->name);
    int r = connect(fd, (struct sockaddr *)&server_addr, sizeof server_addr);
    printf("%s：connect 返回 %d\n", me->name, r);
    write(fd, "hello", 5);
    close(fd);
    return NULL;
}

static int pair[2];

static void *asker(coro *self, void *arg) {
    task *me = arg;
    (void)self;
    char buf[32];
    for (int i = 1; i <= 2; i++) {
        int len = snprintf(buf, sizeof buf, "问题 %d", i);
        write(pair[0], buf, (size_t)len);
        printf("%s：发出「%s」，等回答\n", me->name, buf);
        ssize_t n = read(pair[0], buf, sizeof buf - 1);
        buf[n] = '\0';
        printf("%s：收到「%s」\n", me->name, buf);
    }
    close(pair[0]); /* 对方的 read 将返回 0 */
    return NULL;
}

static void *answerer(coro *self, void *arg) {
    task *me = arg;
    (void)self;
    char buf[32];
    ssize_t n;
    printf("%s：等问题\n", me->name);
    while ((n = read(pair[1], buf, sizeof buf - 1)) > 0) {
        buf[n] = '\0';
        printf("%s：收到「%s」，回答\n", me->name, buf);
        write(pair[1], "知道了", strlen("知道了"));
    }
    printf("%s：对方关闭了连接\n", me->name);
    return NULL;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0); /* 不缓冲：钩子和程序的输出按发生的顺序出现 */
    if (dlsym(RTLD_DEFAULT, "hook_io_loaded") == NULL) {
        printf("没有预加载 hook_io.so：阻塞的 read 会卡住整个线程，所以不运行。\n");
        return 1;
    }
    epfd = epoll_create1(0);

    printf("第一幕：connect\n");
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    server_addr.sin_family = AF_INET;
    server_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* 端口 0：让内核挑一个空闲端口 */
    socklen_t len = sizeof server_addr;
    bind(listener, (struct sockaddr *)&server_addr, len);
    listen(listener, 1);
    getsockname(listener, (struct sockaddr *)&server_addr, &len);
    static task c;
    spawn(&c, "客户端", client);
    run_all(1);
    int conn = accept(listener, NULL, NULL); /* 连接早已在内核的队列里，accept 不会等 */
    char buf[8] = {0};
    printf("main：accept 后读到「%.*s」\n", (int)read(conn, buf, 5), buf);
    close(conn);
    close(listener);

    printf("第二幕：socketpair 上的一问一答\n");
    socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
    static task a, b;
    spawn(&b, "答方", answerer);
    spawn(&a, "问方", asker);
    run_all(2);
    close(pair[1]); /* pair[0] 已由问方关闭 */
    close(epfd);
    return 0;
}

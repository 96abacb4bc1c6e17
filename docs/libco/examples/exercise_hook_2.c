// build-with: ctxswitch.S hook_io.c
// build-flags: -rdynamic -ldl
// requires: x86_64
/* 练习 2 的答案：不用 LD_PRELOAD，把 hook_io.c 直接编译进程序。
 * 程序自己定义的 read/write 在符号查找中排在 C 库之前，钩子照样生效——libco 就是这样用的。 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "coro.h"

static coro *current;
static int epfd, pair[2];

int hk_wait(int fd, unsigned events) { /* 和 hook_demo.c 里的是同一个约定 */
    coro *self = current;
    if (self == NULL) return -1;
    struct epoll_event ev = {.events = events, .data.ptr = self};
    epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
    coro_yield(self, NULL);
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
    return 0;
}

static void *reader(coro *self, void *arg) {
    (void)self, (void)arg;
    char buf[16];
    ssize_t n = read(pair[1], buf, sizeof buf); /* 会阻塞 → 钩子让出 */
    printf("reader：读到 %zd 字节「%.*s」\n", n, (int)n, buf);
    return NULL;
}

static void *writer(coro *self, void *arg) {
    (void)self, (void)arg;
    printf("writer：写入\n");
    write(pair[0], "hi", 2);
    return NULL;
}

static void run(coro *c) {
    current = c;
    coro_resume(c, NULL);
    current = NULL;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    static _Alignas(16) char s1[32 * 1024], s2[32 * 1024];
    static coro r, w;
    epfd = epoll_create1(0);
    socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
    coro_init(&r, reader, s1, sizeof s1);
    coro_init(&w, writer, s2, sizeof s2);
    run(&r); /* reader 让出，停在 read 里 */
    run(&w);
    struct epoll_event ev;
    while (!r.done && epoll_wait(epfd, &ev, 1, 5000) == 1) run(ev.data.ptr);
    printf("main：两个协程都结束了\n");
    return 0;
}

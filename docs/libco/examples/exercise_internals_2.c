// build-with: ctxswitch.S
// requires: x86_64
/* 实现原理练习 2 的答案：像 Lua 的 coroutine.resume 那样，resume 一个已结束的协程时报错，
 * 而不是切进一个已经没有意义的栈（libco 的 co_resume 就不做这个检查）。 */
#include <stdio.h>

#include "coro.h"

/* 成功返回 0，*out 是协程交出的值；协程已结束返回 -1。 */
static int checked_resume(coro *c, void *in, void **out) {
    if (c->done) {
        fprintf(stdout, "错误：cannot resume dead coroutine\n");
        return -1;
    }
    *out = coro_resume(c, in);
    return 0;
}

static void *once(coro *self, void *arg) {
    coro_yield(self, arg);
    return "最后一个值";
}

static _Alignas(16) char stack[16 * 1024];

int main(void) {
    coro c;
    void *v;
    coro_init(&c, once, stack, sizeof stack);
    for (int i = 1; i <= 3; i++) {
        int r = checked_resume(&c, "第一个值", &v);
        printf("第 %d 次 resume：返回 %d%s%s\n", i, r, r == 0 ? "，得到 " : "", r == 0 ? (char *)v : "");
    }
    return 0;
}

// build-with: ctxswitch.S
// requires: x86_64
/* 练习 2 的答案：协程 A 里 resume 协程 B。B 的 yield 回到 A，而不是 main——
 * 因为每个协程记着自己的 caller_sp，相当于 libco 的 pCallStack 里多压了一层。 */
#include <stdio.h>

#include "coro.h"

static _Alignas(16) char stack_a[16 * 1024], stack_b[16 * 1024];
static coro a, b;

static void *body_b(coro *self, void *arg) {
    (void)arg;
    printf("    B：第一次运行，yield\n");
    coro_yield(self, NULL);
    printf("    B：第二次运行，结束\n");
    return NULL;
}

static void *body_a(coro *self, void *arg) {
    (void)arg;
    coro_init(&b, body_b, stack_b, sizeof stack_b);
    printf("  A：resume B\n");
    coro_resume(&b, NULL);
    printf("  A：B 让出后回到了我这里，我也 yield\n");
    coro_yield(self, NULL);
    printf("  A：再 resume B\n");
    coro_resume(&b, NULL);
    printf("  A：B 结束了（done = %d），我也结束\n", b.done);
    return NULL;
}

int main(void) {
    coro_init(&a, body_a, stack_a, sizeof stack_a);
    printf("main：resume A\n");
    coro_resume(&a, NULL);
    printf("main：A 让出了\n");
    coro_resume(&a, NULL);
    printf("main：A 结束了（done = %d）\n", a.done);
    return 0;
}

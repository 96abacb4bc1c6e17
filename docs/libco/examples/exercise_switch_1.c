// build-with: ctxswitch.S
// requires: x86_64
/* 练习 1 的答案：用 coro.h 写一个斐波那契生成器。每次 resume 交出下一项，
 * 生成器本身是一个永不结束的循环——它的状态（a、b）就是栈上的两个局部变量。 */
#include <stdint.h>
#include <stdio.h>

#include "coro.h"

static _Alignas(16) char stack[16 * 1024];

static void *fib(coro *self, void *arg) {
    (void)arg;
    intptr_t a = 0, b = 1;
    for (;;) {
        coro_yield(self, (void *)a);
        intptr_t next = a + b;
        a = b;
        b = next;
    }
    return NULL; /* 到不了这里 */
}

int main(void) {
    coro gen;
    coro_init(&gen, fib, stack, sizeof stack);
    for (int i = 0; i < 10; i++) printf("%s%ld", i ? " " : "", (long)(intptr_t)coro_resume(&gen, NULL));
    printf("\n生成器没有结束：done = %d（它的栈可以直接丢掉）\n", gen.done);
    return 0;
}

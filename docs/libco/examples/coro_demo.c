// build-with: ctxswitch.S
// requires: x86_64
/* 用自己写的上下文切换实现 resume/yield，并像 Lua 协程那样双向传值：
 * main 每次送进一个数，协程交回它的平方；最后协程返回平方和。 */
#include <stdint.h>
#include <stdio.h>

#include "coro.h"

static _Alignas(16) char stack[64 * 1024]; /* 协程的栈：一块普通的内存 */

static void *squares(coro *self, void *arg) {
    intptr_t sum = 0;
    intptr_t x = (intptr_t)arg; /* 第一次 resume 的值，相当于协程函数的参数 */
    for (int i = 0; i < 3; i++) {
        printf("  协程：收到 %ld，交回 %ld\n", (long)x, (long)(x * x));
        sum += x * x;
        x = (intptr_t)coro_yield(self, (void *)(x * x)); /* 停在这里，等下一次 resume */
    }
    printf("  协程：结束，返回总和 %ld\n", (long)sum);
    return (void *)sum;
}

int main(void) {
    coro co;
    coro_init(&co, squares, stack, sizeof stack);
    printf("新协程的 sp 距栈顶 %ld 字节（伪造的现场 64 + 对齐 16）\n",
           (long)(stack + sizeof stack - (char *)co.sp));
    intptr_t v = 1;
    while (!co.done) {
        printf("main：resume(%ld)\n", (long)v);
        intptr_t got = (intptr_t)coro_resume(&co, (void *)v);
        printf("main：得到 %ld%s\n", (long)got, co.done ? "（协程已结束）" : "");
        v = got + 1;
    }
    return 0;
}

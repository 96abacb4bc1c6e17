// build-with: ctxswitch.S
// requires: x86_64
/* 练习 3 的答案：在入口函数里量一量栈的对齐。__builtin_frame_address(0) 是入口函数的 rbp，
 * 它等于「入口时的 rsp - 8」；ABI 要求入口时 rsp + 8 是 16 的倍数，所以它模 16 应当为 0。
 * 第二个协程的现场被整体往下挪了 8 字节（放在 top - 88），模拟起点不是 16 的倍数的错误写法。 */
#include <stdint.h>
#include <stdio.h>

#include "coro.h"

static _Alignas(16) char stack1[16 * 1024], stack2[16 * 1024];
static volatile uintptr_t measured;

static void *probe(coro *self, void *arg) {
    (void)arg;
    measured = (uintptr_t)__builtin_frame_address(0) % 16; /* 不调用 printf：错位的栈上它可能崩溃 */
    coro_yield(self, NULL);
    return NULL;
}

int main(void) {
    coro good, bad;
    coro_init(&good, probe, stack1, sizeof stack1);
    coro_resume(&good, NULL);
    printf("现场在 top - 80：入口处 rbp %% 16 = %lu\n", (unsigned long)measured);

    coro_init(&bad, probe, stack2, sizeof stack2);
    memmove((char *)bad.sp - 8, bad.sp, CORO_FRAME); /* 现场整体下移 8 字节，等于放在 top - 88 */
    bad.sp = (char *)bad.sp - 8;
    coro_resume(&bad, NULL);
    printf("现场错开 8 字节：入口处 rbp %% 16 = %lu（违反 ABI，不再 resume 它）\n", (unsigned long)measured);
    return 0;
}

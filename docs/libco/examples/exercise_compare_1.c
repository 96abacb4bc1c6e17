// build-with: ctxswitch.S jmp_switch.S
// requires: x86_64
/* 比较页练习 1 的答案：用 jmp_switch 代替 ctx_switch，检查它仍然正确——
 * 值照样双向传递，浮点控制状态照样不漏。速度由 scripts/bench_switch.py 测量。 */
#include <stdint.h>
#include <stdio.h>

#include "coro.h"

void *jmp_switch(void **save_sp, void *load_sp, void *value);

static _Alignas(16) char stack[16 * 1024];

static uint32_t get_mxcsr(void) {
    uint32_t v;
    __asm__ volatile("stmxcsr %0" : "=m"(v) : : "memory");
    return v;
}

static void *doubler(coro *self, void *arg) {
    uint32_t m = (get_mxcsr() & ~0x6000u) | 0x6000u; /* 协程里改成向零舍入 */
    __asm__ volatile("ldmxcsr %0" : : "m"(m) : "memory");
    for (;;) arg = coro_yield(self, (void *)((intptr_t)arg * 2));
    return NULL;
}

int main(void) {
    coro c;
    coro_init(&c, doubler, stack, sizeof stack);
    c.sw = jmp_switch;
    for (intptr_t i = 1; i <= 3; i++) {
        intptr_t got = (intptr_t)coro_resume(&c, (void *)i);
        printf("送进 %ld，得到 %ld；main 的 MXCSR 舍入位 = %u（0 是就近）\n", (long)i, (long)got,
               (unsigned)((get_mxcsr() >> 13) & 3));
    }
    return 0;
}

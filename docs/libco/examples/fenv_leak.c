// build-with: ctxswitch.S naive_switch.S
// requires: x86_64
/* 浮点控制状态会不会从一个协程漏到另一个协程？
 * 协程把舍入方式改成「向零舍入」并打开 flush-to-zero，然后 yield 回 main。
 * 同一个实验做两遍：一遍用不保存 MXCSR/x87 控制字的 naive_switch，一遍用 ctx_switch。 */
#include <float.h>
#include <stdint.h>
#include <stdio.h>

#include "coro.h"

void *naive_switch(void **save_sp, void *load_sp, void *value); /* naive_switch.S */

/* "memory"：编译器不知道浮点运算依赖 MXCSR，至少不让它把前后的（volatile）内存读写挪过这些指令。 */
static uint32_t get_mxcsr(void) {
    uint32_t v;
    __asm__ volatile("stmxcsr %0" : "=m"(v) : : "memory");
    return v;
}
static void set_mxcsr(uint32_t v) { __asm__ volatile("ldmxcsr %0" : : "m"(v) : "memory"); }
static uint16_t get_x87cw(void) {
    uint16_t v;
    __asm__ volatile("fnstcw %0" : "=m"(v) : : "memory");
    return v;
}
static void set_x87cw(uint16_t v) { __asm__ volatile("fldcw %0" : : "m"(v) : "memory"); }

static const char *const ROUNDING[] = {"就近", "向下", "向上", "向零"};
static double ref_sse; /* 默认状态（就近舍入）下 -1/10 与 -1/3 的结果，main 一开始算好 */
static long double ref_x87;

/* 在「当前」控制状态下真的算一次。volatile 让编译器既不能在编译期把结果算好，
 * 也不能把计算挪到下面改回默认状态之后。 */
static void report(const char *who) {
    volatile double tiny = DBL_MIN, four = 4.0, one = 1.0, ten = 10.0;
    volatile long double lone = 1.0L, lthree = 3.0L;
    volatile double sse_sub = tiny / four;       /* SSE：结果是非规格化数，FTZ 打开时变成 0 */
    volatile double sse_div = -one / ten;        /* SSE：-0.1 的最后一位取决于舍入方式 */
    volatile long double x87_div = -lone / lthree; /* x87：-1/3 的最后一位取决于 x87 控制字的舍入方式 */
    uint32_t m = get_mxcsr();
    uint16_t cw = get_x87cw();
    set_mxcsr(0x1f80); /* 打印前换回默认状态：printf 本身也受舍入方式影响 */
    set_x87cw(0x037f);
    printf("  %s：MXCSR：舍入=%s FTZ=%s｜x87：舍入=%s｜DBL_MIN/4 %s 0｜-1/10（SSE）%s，-1/3（x87）%s\n", who,
           ROUNDING[(m >> 13) & 3], (m & 0x8000) ? "开" : "关", ROUNDING[(cw >> 10) & 3],
           sse_sub == 0.0 ? "==" : "!=", sse_div == ref_sse ? "同默认" : "变了", x87_div == ref_x87 ? "同默认" : "变了");
    set_mxcsr(m); /* 把刚才的状态原样放回去，实验继续 */
    set_x87cw(cw);
}

static void *worker(coro *self, void *arg) {
    (void)arg;
    set_mxcsr((get_mxcsr() & ~0x6000u) | 0x6000u | 0x8000u); /* 向零舍入 + flush-to-zero */
    set_x87cw((uint16_t)((get_x87cw() & ~0x0c00u) | 0x0c00u)); /* x87 也向零舍入 */
    report("协程改完之后");
    coro_yield(self, NULL);
    report("协程被恢复后");
    return NULL;
}

static _Alignas(16) char stack[64 * 1024];

static void experiment(const char *title, switch_fn sw) {
    set_mxcsr(0x1f80); /* 两遍实验都从 ABI 规定的初始状态开始 */
    set_x87cw(0x037f);
    coro co;
    coro_init(&co, worker, stack, sizeof stack);
    co.sw = sw;
    printf("%s\n", title);
    report("main 开始时");
    coro_resume(&co, NULL);
    report("main 在 yield 后");
    coro_resume(&co, NULL);
    report("main 在结束后");
}

int main(void) {
    volatile double one = 1.0, ten = 10.0;
    volatile long double lone = 1.0L, lthree = 3.0L;
    ref_sse = -one / ten;
    ref_x87 = -lone / lthree;
    experiment("== naive_switch：只存通用寄存器（和 libco 的 coctx_swap 一样）==", naive_switch);
    experiment("== ctx_switch：另存 MXCSR 与 x87 控制字（和 boost.context 一样）==", ctx_switch);
    return 0;
}

/* coro.h —— 用 ctxswitch.S 搭出的最小非对称协程：coro_init / coro_resume / coro_yield。
 * 只适用于 x86-64。每个协程的全部「暂停现场」都压在它自己的栈上，
 * 协程对象里只记两个栈指针：自己停在哪里（sp），resume 我的人停在哪里（caller_sp）。
 */
#ifndef CORO_H
#define CORO_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef void *(*switch_fn)(void **save_sp, void *load_sp, void *value);
void *ctx_switch(void **save_sp, void *load_sp, void *value); /* ctxswitch.S */
void ctx_entry(void);                                         /* ctxswitch.S */

typedef struct coro coro;
typedef void *(*coro_body)(coro *self, void *arg);

struct coro {
    void *sp;        /* 挂起时的栈指针：寄存器就存在它指向的那 64 字节里 */
    void *caller_sp; /* 谁 resume 了我：yield 时切回那里 */
    coro_body body;
    switch_fn sw; /* 用哪个切换函数，默认 ctx_switch（fenv_leak.c 会换成 naive_switch） */
    int done;
};

/* ctx_entry 以 (self, 第一次 resume 的值) 调用它。它不能返回：伪造的栈上没有调用者。 */
static void coro_start(coro *self, void *arg) {
    void *result = self->body(self, arg);
    self->done = 1;
    self->sw(&self->sp, self->caller_sp, result); /* 最后一次切回，再也不会回来 */
    __builtin_unreachable();
}

/* 在 stack 的顶端伪造一份「ctx_switch 存下的现场」，让第一次切换 ret 到 ctx_entry。
 * 从 sp 往高地址依次是：控制字槽、r15、r14、r13、r12、rbx、rbp、返回地址，共 64 字节。 */
enum { CORO_FRAME = 64, CORO_PAD = 16 };

static void coro_init(coro *c, coro_body body, void *stack, size_t size) {
    uintptr_t top = ((uintptr_t)stack + size) & ~(uintptr_t)15; /* 栈顶按 16 字节对齐 */
    uint64_t *sp = (uint64_t *)(top - CORO_FRAME - CORO_PAD);     /* ret 之后 rsp = top - 16 */
    uint32_t mxcsr;
    uint16_t x87cw;
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr)); /* 新协程继承创建者的浮点控制状态 */
    __asm__ volatile("fnstcw %0" : "=m"(x87cw));
    memset(sp, 0, CORO_FRAME + CORO_PAD);
    memcpy(&sp[0], &mxcsr, sizeof mxcsr);
    memcpy((char *)&sp[0] + 4, &x87cw, sizeof x87cw);
    sp[4] = (uint64_t)(uintptr_t)c;          /* r12：协程对象 */
    sp[5] = (uint64_t)(uintptr_t)coro_start; /* rbx：ctx_entry 要调用的函数 */
    sp[7] = (uint64_t)(uintptr_t)ctx_entry;  /* 返回地址 */
    c->sp = sp;
    c->caller_sp = NULL;
    c->body = body;
    c->sw = ctx_switch;
    c->done = 0;
}

/* 切进协程 c，直到它 yield 或结束；返回它交出来的值。 */
static inline void *coro_resume(coro *c, void *value) {
    return c->sw(&c->caller_sp, c->sp, value);
}

/* 从协程 self 里切回 resume 它的一方；返回下一次 resume 送进来的值。 */
static inline void *coro_yield(coro *self, void *value) {
    return self->sw(&self->sp, self->caller_sp, value);
}

#endif

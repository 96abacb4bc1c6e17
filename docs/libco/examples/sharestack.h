/* sharestack.h —— 在 coro.h 之上实现「共享栈」：许多协程轮流使用同一块栈内存。
 * 换出一个协程时，把它实际用到的那一段栈（从它保存的 sp 到栈顶）复制到堆上；
 * 换入时再复制回原来的地址。复制总是由 main 在 main 自己的栈上完成，所以复制时
 * 谁也没有运行在共享栈上。只适用于 x86-64。 */
#ifndef SHARESTACK_H
#define SHARESTACK_H

#include <stdlib.h>
#include <string.h>

#include "coro.h"

typedef struct shared_stack {
    char *base;
    size_t size;
    struct ss_task *occupant; /* 此刻共享栈上摆着谁的栈内容 */
    int saves, restores;      /* 统计：换出、换入各复制了几次 */
    size_t bytes;             /* 统计：一共复制了多少字节 */
} shared_stack;

typedef struct ss_task {
    coro co;
    shared_stack *stack;
    char *save_buffer; /* 不在共享栈上时，它的栈内容存在这里 */
    size_t save_size;
} ss_task;

static char *ss_top(shared_stack *s) {
    return (char *)(((uintptr_t)s->base + s->size) & ~(uintptr_t)15);
}

/* 把 t 用到的栈 [sp, 栈顶) 搬到堆上。 */
static void ss_save(ss_task *t) {
    char *top = ss_top(t->stack);
    t->save_size = (size_t)(top - (char *)t->co.sp);
    t->save_buffer = realloc(t->save_buffer, t->save_size);
    memcpy(t->save_buffer, t->co.sp, t->save_size);
    t->stack->saves++;
    t->stack->bytes += t->save_size;
}

static void ss_restore(ss_task *t) {
    memcpy(t->co.sp, t->save_buffer, t->save_size); /* sp 没变：栈内容回到原来的地址 */
    t->stack->restores++;
    t->stack->bytes += t->save_size;
}

/* 在共享栈上伪造 t 的第一份现场，然后立刻把它存走，免得压坏现在的占用者。 */
static void ss_init(ss_task *t, shared_stack *s, coro_body body) {
    memset(t, 0, sizeof *t);
    t->stack = s;
    if (s->occupant != NULL) ss_save(s->occupant);
    coro_init(&t->co, body, s->base, s->size);
    ss_save(t);
    if (s->occupant != NULL) ss_restore(s->occupant);
}

/* main 调用：必要时先换出占用者、换入 t，再切进去。 */
static void *ss_resume(ss_task *t, void *value) {
    shared_stack *s = t->stack;
    if (s->occupant != t) {
        if (s->occupant != NULL && !s->occupant->co.done) ss_save(s->occupant);
        ss_restore(t);
        s->occupant = t;
    }
    return coro_resume(&t->co, value);
}

#endif

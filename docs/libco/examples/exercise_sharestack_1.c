// build-with: ctxswitch.S
// requires: x86_64
/* 练习 1 的答案：要在挂起期间交给别人用的数据，不能放在共享栈上。
 * 改成放在堆上（libco 的 co_poll_inner 在共享栈模式下也是这样做的）。 */
#include <stdio.h>
#include <stdlib.h>

#include "sharestack.h"

static _Alignas(16) char memory[64 * 1024];
static shared_stack stack = {.base = memory, .size = sizeof memory};
static int *published;

static void *producer(coro *self, void *arg) {
    (void)arg;
    int *value = malloc(sizeof *value); /* 堆上的内存不随共享栈的内容换来换去 */
    *value = 111;
    published = value;
    coro_yield(self, NULL);
    free(value);
    return NULL;
}

static void *reader(coro *self, void *arg) {
    (void)self, (void)arg;
    int mine = 222; /* 占着共享栈上同一片地方 */
    printf("B：mine = %d，通过全局指针读到 %d\n", mine, *published);
    return NULL;
}

int main(void) {
    static ss_task a, b;
    ss_init(&a, &stack, producer);
    ss_init(&b, &stack, reader);
    ss_resume(&a, NULL);
    ss_resume(&b, NULL);
    printf("main：*published = %d\n", *published);
    ss_resume(&a, NULL);
    free(a.save_buffer);
    free(b.save_buffer);
    return 0;
}

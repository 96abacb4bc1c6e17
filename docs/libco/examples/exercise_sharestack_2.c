// build-with: ctxswitch.S
// requires: x86_64
/* 练习 2 的答案：三个协程轮流运行三轮。全挤在一块共享栈上时，每次换人都要复制；
 * 像 libco 的 co_alloc_sharestack(count, ...) 那样多备几块、按序号轮流分配，复制就少了。 */
#include <stdio.h>
#include <stdlib.h>

#include "sharestack.h"

enum { TASKS = 3, ROUNDS = 3 };

static void *loop(coro *self, void *arg) {
    (void)arg;
    for (int i = 0; i < ROUNDS - 1; i++) coro_yield(self, NULL);
    return NULL;
}

static void trial(int count) {
    static _Alignas(16) char memory[TASKS][32 * 1024];
    shared_stack stacks[TASKS] = {0};
    ss_task tasks[TASKS];
    for (int i = 0; i < count; i++) stacks[i] = (shared_stack){.base = memory[i], .size = sizeof memory[i]};
    for (int i = 0; i < TASKS; i++) ss_init(&tasks[i], &stacks[i % count], loop); /* alloc_idx % count */
    for (int round = 0; round < ROUNDS; round++)
        for (int i = 0; i < TASKS; i++) ss_resume(&tasks[i], NULL);
    int saves = 0, restores = 0;
    for (int i = 0; i < count; i++) saves += stacks[i].saves, restores += stacks[i].restores;
    printf("%d 块共享栈：换出 %d 次（其中 %d 次是创建时），换入 %d 次\n", count, saves, TASKS, restores);
    for (int i = 0; i < TASKS; i++) free(tasks[i].save_buffer);
}

int main(void) {
    trial(1);
    trial(3);
    return 0;
}

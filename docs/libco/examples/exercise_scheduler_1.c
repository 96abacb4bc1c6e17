// build-with: ctxswitch.S
// requires: x86_64
/* 练习 1 的答案：三个协程分别睡 3、10、17 ms。时间轮只有 8 个槽，
 * 10 和 17 都超过了一圈：它们被挂在 expire % 8 号槽里，时钟第一次（第二次）
 * 转到那个槽时还没到期，就留在原处，等下一圈。 */
#include <stdio.h>

#include "sched.h"

static task tasks[3];
static const unsigned long naps[3] = {3, 10, 17};

static void *sleeper(coro *self, void *arg) {
    (void)self, (void)arg;
    unsigned long ms = naps[current - tasks];
    printf("t=%2lu %s：睡 %lu ms，挂进 %lu 号槽\n", now, current->name, ms, (now + ms) % WHEEL);
    co_sleep(ms);
    printf("t=%2lu %s：醒了\n", now, current->name);
    return NULL;
}

int main(void) {
    spawn(&tasks[0], "甲", sleeper);
    spawn(&tasks[1], "乙", sleeper);
    spawn(&tasks[2], "丙", sleeper);
    run_all();
    return 0;
}

// build-with: ctxswitch.S
// requires: x86_64
/* 条件变量与时间轮练习 3 的答案：同一个时刻，消费者的等待超时、生产者睡醒。
 * 生产者先运行并 signal，可消费者已经因为超时进了就绪队列。sched.h 在超时的那一刻就把它
 * 从等待队列里摘掉，所以这次 signal 找不到等待者，消费者也不会被第二次放进就绪队列。 */
#include <stdio.h>

#include "sched.h"

static cond nonempty;
static int items;

static void *consumer(coro *self, void *arg) {
    (void)self, (void)arg;
    int r = cond_timedwait(&nonempty, 5);
    printf("t=%lu 消费者：醒来，cond_timedwait 返回 %d（%s），货物 %d 件\n", now, r, r ? "超时" : "被 signal", items);
    return NULL;
}

static void *producer(coro *self, void *arg) {
    (void)self, (void)arg;
    co_sleep(5);
    items++;
    printf("t=%lu 生产者：放入 1 件，signal；等待队列里%s\n", now, nonempty.head ? "还有人" : "已经没有人了");
    cond_signal(&nonempty);
    co_sleep(1);
    printf("t=%lu 生产者：结束\n", now);
    return NULL;
}

int main(void) {
    static task c, p;
    spawn(&c, "消费者", consumer); /* 先登记的定时器排在槽里靠后，所以同一时刻生产者先醒 */
    spawn(&p, "生产者", producer);
    run_all();
    printf("t=%lu 全部结束\n", now);
    return 0;
}

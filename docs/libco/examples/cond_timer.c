// build-with: ctxswitch.S
// requires: x86_64
/* 生产者与消费者：co_cond 式的条件变量 + 时间轮（都在 sched.h 里）。
 * 两个消费者各自最多等 5 ms；生产者中途睡了 12 ms，比时间轮的一圈（8 ms）还长。 */
#include <stdio.h>

#include "sched.h"

/* ---- 生产者与消费者 ---- */
static int queue[16], q_head, q_len, finished;
static cond nonempty;

static void *producer(coro *self, void *arg) {
    (void)self, (void)arg;
    static const unsigned long gaps[] = {1, 1, 12, 2}; /* 12 ms 超过了时间轮的一圈 */
    for (int i = 0; i < 4; i++) {
        co_sleep(gaps[i]);
        queue[(q_head + q_len++) % 16] = 100 + i;
        printf("t=%2lu 生产者：放入 %d\n", now, 100 + i);
        cond_signal(&nonempty);
    }
    finished = 1;
    while (nonempty.head) cond_signal(&nonempty); /* 广播：让所有等待者看到 finished */
    return NULL;
}

static void *consumer(coro *self, void *arg) {
    (void)self, (void)arg;
    for (;;) {
        while (q_len == 0 && !finished)
            if (cond_timedwait(&nonempty, 5) != 0) printf("t=%2lu %s：等了 5 ms 还没有货\n", now, current->name);
        if (q_len == 0) break;
        int item = queue[q_head];
        q_head = (q_head + 1) % 16, q_len--;
        printf("t=%2lu %s：取走 %d\n", now, current->name, item);
    }
    printf("t=%2lu %s：生产者收工，退出\n", now, current->name);
    return NULL;
}

int main(void) {
    static task p, c1, c2;
    spawn(&c1, "消费者甲", consumer);
    spawn(&c2, "消费者乙", consumer);
    spawn(&p, "生产者", producer);
    run_all();
    printf("t=%2lu 全部结束\n", now);
    return 0;
}

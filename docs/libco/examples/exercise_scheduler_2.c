// build-with: ctxswitch.S
// requires: x86_64
/* 练习 2 的答案：有界缓冲区。容量只有 2，所以要两个条件变量：
 * 缓冲区满时生产者等 notfull，空时消费者等 nonempty。 */
#include <stdio.h>

#include "sched.h"

enum { CAP = 2, ITEMS = 5 };
static int buffer[CAP], head, len;
static cond notfull, nonempty;

static void *producer(coro *self, void *arg) {
    (void)self, (void)arg;
    for (int i = 1; i <= ITEMS; i++) {
        while (len == CAP) {
            printf("t=%2lu 生产者：满了，等\n", now);
            cond_timedwait(&notfull, 0); /* 0：不设超时，一直等 */
        }
        buffer[(head + len++) % CAP] = i;
        printf("t=%2lu 生产者：放入 %d（现有 %d 个）\n", now, i, len);
        cond_signal(&nonempty);
    }
    return NULL;
}

static void *consumer(coro *self, void *arg) {
    (void)self, (void)arg;
    for (int got = 0; got < ITEMS; got++) {
        while (len == 0) cond_timedwait(&nonempty, 0);
        int item = buffer[head];
        head = (head + 1) % CAP, len--;
        printf("t=%2lu 消费者：取走 %d，处理 3 ms\n", now, item);
        cond_signal(&notfull);
        co_sleep(3); /* 消费者比生产者慢 */
    }
    return NULL;
}

int main(void) {
    static task p, c;
    spawn(&c, "消费者", consumer);
    spawn(&p, "生产者", producer);
    run_all();
    return 0;
}

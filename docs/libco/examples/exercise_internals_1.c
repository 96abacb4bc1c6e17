/* 实现原理练习 1 的答案：模拟 libco 时间轮对「超过一圈」的超时的处理。
 * 只模拟一个定时器：登记时按 AddTimeout 的规则算出它挂在哪个槽、哪个时刻被摘下；
 * 摘下时按 co_eventloop 的规则检查是否真的到期，没到期就重新登记。代码是本站自己写的模型。 */
#include <stdio.h>

enum { SLOTS = 60000 }; /* AllocTimeout(60 * 1000)：每槽 1 ms，一圈 60 秒 */

/* 返回这个定时器所在的槽「被转到」的时刻。 */
static unsigned long add_timeout(unsigned long now, unsigned long expire) {
    unsigned long diff = expire - now;
    if (diff >= SLOTS) {
        printf("  差值 %lu 超过一圈，截成 %d（libco 在这里调用 co_log_err，而它是个空函数）\n", diff, SLOTS - 1);
        diff = SLOTS - 1;
    }
    printf("  挂进 %lu 毫秒之后的槽（槽号 %lu）\n", diff, (now + diff) % SLOTS);
    return now + diff;
}

int main(void) {
    unsigned long now = 0, expire = 90 * 1000;
    printf("t=%lu：登记一个 %lu ms 后到期的超时\n", now, expire);
    unsigned long taken = add_timeout(now, expire);
    for (;;) {
        now = taken; /* 事件循环一路转到那个槽，把它摘下来 */
        if (now < expire) {
            printf("t=%lu：摘下，但还没到期（还差 %lu ms），重新登记\n", now, expire - now);
            taken = add_timeout(now, expire);
        } else {
            printf("t=%lu：摘下，到期，resume 等待的协程\n", now);
            break;
        }
    }
    return 0;
}

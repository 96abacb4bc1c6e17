/* 一个没有 epoll 的迷你「事件循环」：主协程轮流 resume 几个任务，
 * 任务每做完一步就 yield。libco 的 co_eventloop 做的是同一件事，只是按事件决定叫醒谁。 */
#define _XOPEN_SOURCE 700
#include <stdbool.h>
#include <stdio.h>
#include <ucontext.h>

enum { TASKS = 3 };

typedef struct {
    ucontext_t self;
    const char *name;
    int steps; /* 这个任务要分几步做完 */
    bool finished;
    char stack[32 * 1024];
} task;

static ucontext_t loop_ctx; /* 主协程：所有任务 yield 都回到这里 */
static task tasks[TASKS];
static task *running;

static void yield_to_loop(void) {
    swapcontext(&running->self, &loop_ctx);
}

static void task_body(void) {
    task *me = running;
    for (int step = 1; step <= me->steps; step++) {
        printf("%s：第 %d/%d 步\n", me->name, step, me->steps);
        if (step < me->steps) {
            yield_to_loop(); /* 好比 libco 里一次被挂钩的 read：让出，等下一轮 */
        }
    }
    me->finished = true; /* 返回后经 uc_link 回到主协程 */
}

int main(void) {
    const char *names[TASKS] = {"任务甲", "任务乙", "任务丙"};
    const int steps[TASKS] = {2, 3, 1};
    for (int i = 0; i < TASKS; i++) {
        task *t = &tasks[i];
        t->name = names[i];
        t->steps = steps[i];
        getcontext(&t->self);
        t->self.uc_stack.ss_sp = t->stack;
        t->self.uc_stack.ss_size = sizeof t->stack;
        t->self.uc_link = &loop_ctx;
        makecontext(&t->self, task_body, 0);
    }

    for (int round = 1;; round++) {
        int resumed = 0;
        for (int i = 0; i < TASKS; i++) {
            if (tasks[i].finished) {
                continue;
            }
            if (resumed == 0) {
                printf("—— 第 %d 轮 ——\n", round);
            }
            running = &tasks[i];
            swapcontext(&loop_ctx, &running->self);
            resumed++;
        }
        if (resumed == 0) {
            break;
        }
    }
    printf("所有任务完成\n");
    return 0;
}

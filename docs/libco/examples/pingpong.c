/* 用 ucontext 的 makecontext / swapcontext 搭出一对 resume / yield，
 * 让主程序和一个协程像 Lua 的 coroutine.resume / coroutine.yield 那样来回传值。 */
#define _XOPEN_SOURCE 700 /* 让 <ucontext.h> 在 -std=c11 下也声明这几个函数 */
#include <stdbool.h>
#include <stdio.h>
#include <ucontext.h>

typedef struct {
    ucontext_t self;    /* 协程暂停时的寄存器和栈指针 */
    ucontext_t caller;  /* 是谁 resume 了它：yield 和函数返回都回到这里 */
    int transfer;       /* resume 和 yield 之间捎带的那个值 */
    bool finished;
    char stack[64 * 1024]; /* 协程自己的 C 栈，libco 默认给 128 KB */
} coroutine;

/* makecontext 只能给入口函数传 int 参数，指针放不进去，所以用一个变量交接。 */
static coroutine *starting;

/* 把 value 交给协程并切过去；协程 yield 或结束时，这里才返回它交回来的值。 */
static int co_resume(coroutine *co, int value) {
    co->transfer = value;
    swapcontext(&co->caller, &co->self);
    return co->transfer;
}

/* 在协程里调用：把 value 交给 resume 它的人并暂停；下次 resume 时从这里继续。 */
static int co_yield(coroutine *co, int value) {
    co->transfer = value;
    swapcontext(&co->self, &co->caller);
    return co->transfer;
}

/* 协程体：每收到一个数就交回它的平方，累计到 3 个后把总和作为「返回值」。 */
static void body(void) {
    coroutine *co = starting;
    int received = co->transfer; /* 第一次 resume 带来的值，相当于 Lua 协程函数的参数 */
    int sum = 0;
    for (int round = 1; round <= 3; round++) {
        printf("  协程：第 %d 次收到 %d\n", round, received);
        sum += received * received;
        received = co_yield(co, received * received);
    }
    printf("  协程：最后收到 %d，结束\n", received);
    co->transfer = sum;
    co->finished = true;
    /* 函数返回后，uc_link 指向的上下文接着运行，也就是最近一次 resume 的调用者。 */
}

static void co_init(coroutine *co, void (*entry)(void)) {
    getcontext(&co->self);
    co->self.uc_stack.ss_sp = co->stack;
    co->self.uc_stack.ss_size = sizeof co->stack;
    co->self.uc_link = &co->caller;
    co->finished = false;
    makecontext(&co->self, entry, 0);
}

int main(void) {
    static coroutine co; /* static：64 KB 的栈不放在 main 自己的栈上 */
    co_init(&co, body);
    starting = &co;

    int value = 1;
    while (!co.finished) {
        printf("主程序：resume(%d)\n", value);
        int answer = co_resume(&co, value);
        if (co.finished) {
            printf("主程序：协程结束，返回 %d\n", answer);
        } else {
            printf("主程序：收到 yield 的 %d\n", answer);
            value = answer + 1;
        }
    }
    return 0;
}

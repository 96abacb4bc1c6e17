/* swapcontext 为什么比 libco 的 coctx_swap 贵：每个上下文都带着自己的信号屏蔽字，
 * 切换时要用一次系统调用把它换掉。这个程序让协程屏蔽 SIGUSR1，再看两边各自的屏蔽字。 */
#define _XOPEN_SOURCE 700
#include <signal.h>
#include <stdio.h>
#include <ucontext.h>

static ucontext_t main_ctx, co_ctx;
static char co_stack[64 * 1024];

/* 问内核：当前线程是否屏蔽了 SIGUSR1（只查询，不修改）。 */
static const char *usr1_state(void) {
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    return sigismember(&now, SIGUSR1) ? "屏蔽" : "未屏蔽";
}

static void body(void) {
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    printf("协程：屏蔽了 SIGUSR1，现在是「%s」\n", usr1_state());
    swapcontext(&co_ctx, &main_ctx); /* yield：屏蔽字随上下文一起保存 */
    printf("协程：回来后仍是「%s」\n", usr1_state());
}

int main(void) {
    getcontext(&co_ctx);
    co_ctx.uc_stack.ss_sp = co_stack;
    co_ctx.uc_stack.ss_size = sizeof co_stack;
    co_ctx.uc_link = &main_ctx;
    makecontext(&co_ctx, body, 0);

    printf("主程序：开始时 SIGUSR1「%s」\n", usr1_state());
    swapcontext(&main_ctx, &co_ctx); /* resume */
    printf("主程序：协程暂停后，这里是「%s」\n", usr1_state());
    swapcontext(&main_ctx, &co_ctx); /* 再 resume，协程跑完后经 uc_link 回来 */
    printf("主程序：协程结束，这里仍是「%s」\n", usr1_state());
    return 0;
}

/* 用法与比较练习 2 的答案：uc_link 决定入口函数返回之后去哪里。
 * 让第一个协程的 uc_link 指向第二个协程，第二个的指向 main：两个函数就像接力一样依次运行。 */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <ucontext.h>

static ucontext_t main_ctx, first, second;
static char stack1[64 * 1024], stack2[64 * 1024];

static void run_first(void) { printf("  第一棒：跑完就返回\n"); }
static void run_second(void) { printf("  第二棒：我是被 uc_link 接上的\n"); }

int main(void) {
    getcontext(&second);
    second.uc_stack.ss_sp = stack2;
    second.uc_stack.ss_size = sizeof stack2;
    second.uc_link = &main_ctx; /* 第二棒跑完回 main */
    makecontext(&second, run_second, 0);

    getcontext(&first);
    first.uc_stack.ss_sp = stack1;
    first.uc_stack.ss_size = sizeof stack1;
    first.uc_link = &second; /* 第一棒跑完，接着运行第二棒 */
    makecontext(&first, run_first, 0);

    printf("main：起跑\n");
    swapcontext(&main_ctx, &first);
    printf("main：两棒都跑完了\n");
    return 0;
}

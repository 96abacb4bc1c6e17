// build-with: ctxswitch.S
// requires: x86_64
/* 两个协程共用一块 64 KB 的栈。它们的局部变量在同一个地址上，却互不干扰——
 * 直到有人把栈上变量的地址交给别人，在自己挂起期间使用。 */
#include <stdio.h>

#include "sharestack.h"

static _Alignas(16) char memory[64 * 1024];
static shared_stack stack = {.base = memory, .size = sizeof memory};
static int *published; /* 全局指针：A 把自己栈上变量的地址放在这里 */

static void *worker(coro *self, void *arg) {
    const char *name = arg;
    int mine = name[0] == 'A' ? 111 : 222; /* 两个协程跑同一个函数，mine 在共享栈的同一位置 */
    printf("%s：mine = %d，位于栈顶下方%s\n", name, mine,
           ss_top(&stack) - (char *)&mine < 1024 ? "不到 1 KB 处" : "很深处");
    if (name[0] == 'A') {
        published = &mine;
        printf("%s：把 &mine 交给全局指针，然后让出\n", name);
    } else {
        printf("%s：&mine %s A 交出的指针\n", name, &mine == published ? "等于" : "不等于");
        printf("%s：通过全局指针读「A 的 mine」，读到 %d ← 那块内存此刻是 B 的\n", name, *published);
    }
    coro_yield(self, NULL);
    printf("%s：恢复后 mine = %d\n", name, mine);
    coro_yield(self, NULL);
    return NULL;
}

int main(void) {
    static ss_task a, b;
    ss_init(&a, &stack, worker);
    ss_init(&b, &stack, worker);
    ss_resume(&a, "A");
    ss_resume(&b, "B");
    printf("main：A 挂起期间，*published = %d（共享栈上摆的是 B 的内容）\n", *published);
    ss_resume(&a, NULL);
    printf("main：A 换回来（又挂起）之后，*published = %d\n", *published);
    ss_resume(&b, NULL);
    ss_resume(&a, NULL); /* 让两个协程都跑完 */
    ss_resume(&b, NULL);
    printf("main：换出 %d 次，换入 %d 次，每次只复制用到的一小段，一共%s\n", stack.saves, stack.restores,
           stack.bytes < 8 * 1024 ? "不到 8 KB" : "超过 8 KB");
    free(a.save_buffer);
    free(b.save_buffer);
    return 0;
}

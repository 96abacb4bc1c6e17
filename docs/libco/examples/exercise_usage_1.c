/* 用法与比较练习 1 的答案：makecontext 只保证能传 int 参数。64 位平台上一个指针放不进一个 int，
 * 就把它拆成高低两个 32 位的 int 传进去，在入口函数里再拼回来——不再需要文件级的交接变量。 */
#define _XOPEN_SOURCE 700
#include <stdint.h>
#include <stdio.h>
#include <ucontext.h>

typedef struct {
    ucontext_t self, caller;
    const char *greeting;
    char stack[64 * 1024];
} task;

static void entry(int high, int low) {
    uintptr_t bits = ((uintptr_t)(uint32_t)high << 32) | (uint32_t)low; /* 先转成无符号，免得符号扩展 */
    task *t = (task *)bits;
    printf("  协程：拼回来的指针指向的任务说「%s」\n", t->greeting);
}

int main(void) {
    static task t = {.greeting = "你好"};
    getcontext(&t.self);
    t.self.uc_stack.ss_sp = t.stack;
    t.self.uc_stack.ss_size = sizeof t.stack;
    t.self.uc_link = &t.caller; /* 入口函数返回后回到 main */
    uintptr_t bits = (uintptr_t)&t;
    makecontext(&t.self, (void (*)(void))entry, 2, (int)(uint32_t)(bits >> 32), (int)(uint32_t)bits);
    printf("main：切进协程\n");
    swapcontext(&t.caller, &t.self);
    printf("main：协程函数返回，经 uc_link 回到这里\n");
    return 0;
}

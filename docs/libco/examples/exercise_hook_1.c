// preload: exercise_hook_1_lib.c
/* 练习 1 的答案（程序）：一个普通程序，不知道自己会被挂钩。
 * 用 LD_PRELOAD=./exercise_hook_1_lib.so 运行时，每行前面多出「[钩子] 」。 */
#include <stdio.h>

int main(void) {
    puts("第一行");
    puts("第二行");
    return 0;
}

// build-as: shared
// build-flags: -ldl
/* 练习 1 的答案（钩子库）：包装 puts，在每行前加上「[钩子] 」，再交给 C 库真正的 puts。 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

int puts(const char *s) {
    static int (*real_puts)(const char *);
    if (!real_puts) real_puts = (int (*)(const char *))dlsym(RTLD_NEXT, "puts");
    fputs("[钩子] ", stdout); /* fputs 是另一个函数，不会再进到这里 */
    return real_puts(s);
}

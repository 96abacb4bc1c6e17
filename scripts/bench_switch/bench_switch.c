/* Switch-cost benchmark, C side: ucontext's swapcontext and the hand-written switches from
 * docs/libco/examples (ctxswitch.S, naive_switch.S, jmp_switch.S). Usage: bench_switch MODE N
 * Prints the nanoseconds one switch takes (N round trips = 2N switches), as a decimal number.
 * Time is the process's CPU time, as in the C++ and Lua benchmarks: on a shared machine the wall
 * clock also counts the time the process waited for a core. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>

#include "coro.h"

void *naive_switch(void **save_sp, void *load_sp, void *value);
void *jmp_switch(void **save_sp, void *load_sp, void *value);

static _Alignas(16) char stack[64 * 1024];

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static ucontext_t main_uc, co_uc;

static void uc_body(void) {
    for (;;) swapcontext(&co_uc, &main_uc);
}

static double bench_ucontext(long n) {
    getcontext(&co_uc);
    co_uc.uc_stack.ss_sp = stack;
    co_uc.uc_stack.ss_size = sizeof stack;
    co_uc.uc_link = NULL;
    makecontext(&co_uc, uc_body, 0);
    swapcontext(&main_uc, &co_uc); /* warm up: the first entry runs makecontext's trampoline */
    double start = seconds();
    for (long i = 0; i < n; i++) swapcontext(&main_uc, &co_uc);
    return seconds() - start;
}

static void *loop_body(coro *self, void *arg) {
    for (;;) arg = coro_yield(self, arg);
    return NULL;
}

static double bench_coro(long n, switch_fn sw) {
    coro c;
    coro_init(&c, loop_body, stack, sizeof stack);
    c.sw = sw;
    coro_resume(&c, NULL);
    double start = seconds();
    for (long i = 0; i < n; i++) coro_resume(&c, NULL);
    return seconds() - start;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s ucontext|ctx|naive|jmp N\n", argv[0]);
        return 2;
    }
    long n = atol(argv[2]);
    double elapsed;
    if (strcmp(argv[1], "ucontext") == 0) elapsed = bench_ucontext(n);
    else if (strcmp(argv[1], "ctx") == 0) elapsed = bench_coro(n, ctx_switch);
    else if (strcmp(argv[1], "naive") == 0) elapsed = bench_coro(n, naive_switch);
    else if (strcmp(argv[1], "jmp") == 0) elapsed = bench_coro(n, jmp_switch);
    else return 2;
    printf("%.3f\n", elapsed * 1e9 / (2.0 * (double)n));
    return 0;
}

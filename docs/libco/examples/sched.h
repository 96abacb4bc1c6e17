/* sched.h —— 一个带时间轮和条件变量的小调度器，跑在 coro.h 的协程上。只适用于 x86-64。
 * 时钟是虚拟的：没有协程可运行时，调度器把时间一格一格往前拨，所以输出每次都一样。
 * 真实的事件循环（libco 的 co_eventloop）在这里调用 epoll_wait，并读真实的毫秒时钟。 */
#ifndef SCHED_H
#define SCHED_H

#include "coro.h"

enum { WHEEL = 8 }; /* 8 个槽，每槽 1 ms；故意很小，好让「超过一圈」的定时器出现 */

typedef struct task task;
typedef struct cond cond;
typedef struct timer {
    struct timer *next;
    unsigned long expire;
    task *owner;
} timer;

struct task {
    coro co;
    const char *name;
    timer tm;          /* 每个协程同一时刻最多等一个定时器 */
    int armed;         /* tm 是否挂在时间轮上 */
    int timed_out;     /* 这次醒来是不是因为超时 */
    task *next_ready;  /* 就绪队列里的下一个 */
    task *next_wait;   /* 条件变量等待队列里的下一个（两条链要分开：一个协程可能同时在两条链上） */
    cond *waiting;     /* 正在等哪个条件变量；超时的那一刻要把它从那条队列里摘掉 */
    _Alignas(16) char stack[32 * 1024];
};

static unsigned long now;         /* 虚拟时钟，单位 ms */
static timer *wheel[WHEEL];       /* 槽 i 挂着所有 expire % WHEEL == i 的定时器 */
static task *ready_head, *ready_tail; /* 就绪队列：相当于 libco 的 pstActiveList */
static task *current;
static int alive;

static inline void make_ready(task *t) {
    t->next_ready = NULL;
    if (ready_tail) ready_tail->next_ready = t; else ready_head = t;
    ready_tail = t;
}

static inline void timer_add(task *t, unsigned long ms) {
    t->tm = (timer){.next = wheel[(now + ms) % WHEEL], .expire = now + ms, .owner = t};
    wheel[(now + ms) % WHEEL] = &t->tm;
    t->armed = 1;
}

static inline void timer_remove(task *t) {
    if (!t->armed) return;
    for (timer **p = &wheel[t->tm.expire % WHEEL]; *p; p = &(*p)->next)
        if (*p == &t->tm) { *p = t->tm.next; break; }
    t->armed = 0;
}

/* ---- 条件变量：等待者排成队；signal 只把队首放进就绪队列，不立刻切换 ---- */
struct cond {
    task *head, *tail;
};

static inline void cond_remove(cond *c, task *t) {
    task *prev = NULL;
    for (task *w = c->head; w; prev = w, w = w->next_wait)
        if (w == t) {
            if (prev) prev->next_wait = w->next_wait; else c->head = w->next_wait;
            if (c->tail == w) c->tail = prev;
            return;
        }
}

/* 时钟走一格：摘下当前槽里已经到期的；没到期的（超过一圈的）留在槽里等下一圈。
 * 到期的如果正在等条件变量，当场把它从等待队列里摘掉：它已经在就绪队列里了，
 * 不能再被 signal 一次、第二次放进就绪队列（那会把链表接成环）。 */
static inline void tick(void) {
    now++;
    for (timer **p = &wheel[now % WHEEL]; *p;) {
        timer *tm = *p;
        if (tm->expire <= now) {
            *p = tm->next;
            tm->owner->armed = 0;
            tm->owner->timed_out = 1;
            if (tm->owner->waiting) {
                cond_remove(tm->owner->waiting, tm->owner);
                tm->owner->waiting = NULL;
            }
            make_ready(tm->owner);
        } else {
            p = &tm->next;
        }
    }
}

static inline void co_sleep(unsigned long ms) {
    if (ms == 0)
        make_ready(current); /* 睡 0 ms 就是让一让：否则它会挂进刚走过的槽，等满一圈 */
    else
        timer_add(current, ms);
    coro_yield(&current->co, NULL);
}

/* 返回 0：被 signal 唤醒；返回 -1：等了 ms 毫秒还没人 signal。 */
static inline int cond_timedwait(cond *c, unsigned long ms) {
    task *self = current;
    self->timed_out = 0;
    self->next_wait = NULL;
    if (c->tail) c->tail->next_wait = self; else c->head = self;
    c->tail = self;
    self->waiting = c;
    if (ms > 0) timer_add(self, ms);
    coro_yield(&self->co, NULL); /* 醒来时已经不在等待队列里：signal 或 tick 摘掉了它 */
    return self->timed_out ? -1 : 0;
}

static inline void cond_signal(cond *c) {
    task *t = c->head;
    if (!t) return;
    c->head = t->next_wait;
    if (!c->head) c->tail = NULL;
    t->waiting = NULL;
    timer_remove(t); /* 它不必再等超时了 */
    make_ready(t);
}

static inline void spawn(task *t, const char *name, coro_body body) {
    t->name = name;
    coro_init(&t->co, body, t->stack, sizeof t->stack);
    make_ready(t);
    alive++;
}

/* 调度循环：先跑完所有就绪的协程；没人可运行时，时间往前走 1 ms。 */
static inline void run_all(void) {
    while (alive > 0) {
        while (ready_head) {
            task *t = ready_head;
            ready_head = t->next_ready;
            if (!ready_head) ready_tail = NULL;
            current = t;
            coro_resume(&t->co, NULL);
            current = NULL;
            if (t->co.done) alive--;
        }
        if (alive > 0) tick();
    }
}

#endif

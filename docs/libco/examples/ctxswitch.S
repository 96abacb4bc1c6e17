/* ctxswitch.S —— 按 x86-64 System V ABI 保存「被调用者保存」的全部状态的上下文切换。
 *
 *   void *ctx_switch(void **save_sp, void *load_sp, void *value);
 *
 * 把当前的 rbp、rbx、r12–r15、MXCSR 控制位和 x87 控制字压在当前栈上，
 * 栈指针存进 *save_sp；再换到 load_sp 指向的栈，按相反顺序弹出，最后 ret。
 * value 原样出现在另一边的返回值（rax）里，用来像 Lua 的 resume/yield 那样传值。
 * 只适用于 x86-64（Linux/ELF）。
 */
    .text
    .globl ctx_switch
    .type  ctx_switch, @function
ctx_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq  $8, %rsp            /* 8 字节：低 4 字节放 MXCSR，接着 2 字节放 x87 控制字 */
    stmxcsr (%rsp)
    fnstcw  4(%rsp)
    movq  %rsp, (%rdi)        /* 记下「我停在这里」 */

    movq  %rsi, %rsp          /* 换栈：从这一刻起运行在另一个协程的栈上 */
    ldmxcsr (%rsp)
    fldcw   4(%rsp)
    addq  $8, %rsp
    popq  %r15
    popq  %r14
    popq  %r13
    popq  %r12
    popq  %rbx
    popq  %rbp
    movq  %rdx, %rax          /* 第三个参数成为对方 ctx_switch 的返回值 */
    ret                       /* 弹出的是对方当初调用 ctx_switch 时压下的返回地址 */
    .size ctx_switch, .-ctx_switch

/* 新协程第一次被切换进来时，ret 落到这里（coro.h 的 coro_init 伪造了这个返回地址）。
 * 伪造的栈里 rbx = 入口函数，r12 = 协程对象；rax 是第一次 resume 送来的值。 */
    .globl ctx_entry
    .type  ctx_entry, @function
ctx_entry:
    movq  %r12, %rdi          /* 第一个参数：协程对象 */
    movq  %rax, %rsi          /* 第二个参数：第一次 resume 的值 */
    callq *%rbx               /* 入口函数不会返回：它结束时切回 resume 的一方 */
    ud2
    .size ctx_entry, .-ctx_entry

    .section .note.GNU-stack,"",@progbits

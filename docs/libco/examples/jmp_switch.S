/* jmp_switch.S —— 比较页练习 1 的答案：和 ctxswitch.S 保存同样的东西，
 * 只是最后不用 ret，而是把返回地址弹进 rcx 再 jmp 过去（boost.context 的 jump_fcontext
 * 也以一条间接 jmp 结束）。rcx 是调用者保存的寄存器，可以随便用。
 *
 *   void *jmp_switch(void **save_sp, void *load_sp, void *value);
 *
 * 栈布局与 ctxswitch.S 完全相同，所以 coro.h 的 coro_init 和 ctx_entry 照用。只适用于 x86-64。
 */
    .text
    .globl jmp_switch
    .type  jmp_switch, @function
jmp_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq  $8, %rsp
    stmxcsr (%rsp)
    fnstcw  4(%rsp)
    movq  %rsp, (%rdi)

    movq  %rsi, %rsp
    ldmxcsr (%rsp)
    fldcw   4(%rsp)
    addq  $8, %rsp
    popq  %r15
    popq  %r14
    popq  %r13
    popq  %r12
    popq  %rbx
    popq  %rbp
    movq  %rdx, %rax
    popq  %rcx                /* 对方的返回地址 */
    jmpq  *%rcx               /* 间接跳转：不经过 CPU 的「返回地址预测」 */
    .size jmp_switch, .-jmp_switch

    .section .note.GNU-stack,"",@progbits

/* naive_switch.S —— 故意写错的对照组：栈布局与 ctxswitch.S 完全相同，
 * 只是去掉了 stmxcsr / fnstcw / ldmxcsr / fldcw 四条指令，
 * 也就是只保存通用寄存器，和 libco 的 coctx_swap 一样不管浮点控制状态。
 *
 *   void *naive_switch(void **save_sp, void *load_sp, void *value);
 *
 * 只适用于 x86-64（Linux/ELF）。新协程的入口仍是 ctxswitch.S 里的 ctx_entry。
 */
    .text
    .globl naive_switch
    .type  naive_switch, @function
naive_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq  $8, %rsp            /* 槽位照留，但什么也不存 */
    movq  %rsp, (%rdi)

    movq  %rsi, %rsp
    addq  $8, %rsp            /* 什么也不恢复：CPU 里现在的控制状态原样带进对方 */
    popq  %r15
    popq  %r14
    popq  %r13
    popq  %r12
    popq  %rbx
    popq  %rbp
    movq  %rdx, %rax
    ret
    .size naive_switch, .-naive_switch

    .section .note.GNU-stack,"",@progbits

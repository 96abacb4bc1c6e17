// build-flags: -lboost_context
// requires: x86_64
// 比较页练习 2 的答案：用 boost.context 的 fiber 重做 fenv_leak.c 的实验。
// fiber 里改了舍入方式与 flush-to-zero，切回 main 后 main 的设置不受影响。
#include <boost/context/fiber.hpp>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace ctx = boost::context;

static std::uint32_t get_mxcsr() {
    std::uint32_t v;
    __asm__ volatile("stmxcsr %0" : "=m"(v) : : "memory");
    return v;
}
static void set_mxcsr(std::uint32_t v) { __asm__ volatile("ldmxcsr %0" : : "m"(v) : "memory"); }

static void show(const char *who) {
    std::uint32_t m = get_mxcsr();
    static const char *const names[] = {"就近", "向下", "向上", "向零"};
    std::printf("%s：舍入=%s FTZ=%s\n", who, names[(m >> 13) & 3], (m & 0x8000) ? "开" : "关");
}

int main() {
    ctx::fiber f{[](ctx::fiber &&caller) {
        set_mxcsr(get_mxcsr() | 0x6000u | 0x8000u); // 向零舍入 + FTZ
        show("  fiber 改完之后");
        caller = std::move(caller).resume();
        show("  fiber 被恢复后");
        return std::move(caller);
    }};
    show("main 开始时");
    f = std::move(f).resume();
    show("main 在 fiber 让出后");
    f = std::move(f).resume();
    show("main 在 fiber 结束后");
    return 0;
}

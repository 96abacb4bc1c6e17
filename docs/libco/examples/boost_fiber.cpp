// build-flags: -lboost_context
// boost.context 的 fiber：有栈协程，切换由 jump_fcontext 汇编完成（它保存 MXCSR 与 x87 控制字）。
// 用 g++ -std=c++20 编译，链接 Debian 的 libboost-context-dev（1.74）。
#include <boost/context/fiber.hpp>
#include <cstdio>
#include <utility>

namespace ctx = boost::context;

int main() {
    int value = 0; // 协程和 main 之间传值的「信箱」
    ctx::fiber f{[&value](ctx::fiber &&caller) {
        for (int i = 1; i <= 3; i++) {
            value = i * i;
            std::printf("  fiber：交出 %d\n", value);
            caller = std::move(caller).resume(); // 切回 main；main 再 resume 时从这里继续
        }
        std::printf("  fiber：结束\n");
        return std::move(caller); // 返回要切回的那个 fiber
    }};
    for (int round = 1; f; round++) {
        f = std::move(f).resume(); // resume 返回「刚才切过来的那一方」
        if (f) std::printf("main：第 %d 轮得到 %d\n", round, value);
    }
    std::printf("main：fiber 已结束\n");
    return 0;
}

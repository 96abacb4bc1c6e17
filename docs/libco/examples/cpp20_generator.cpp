// C++20 的无栈协程：一个最小的生成器。用 g++ -std=c++20 编译（Debian 12 的 g++ 12 上测试）。
// 协程的局部变量不在任何栈上，而在编译器生成的「协程帧」里；帧由 promise_type 的 operator new 分配。
#include <coroutine>
#include <cstddef>
#include <cstdio>
#include <new>

static char *frame_begin = nullptr; // 记下帧的地址范围，好验证局部变量住在哪里
static std::size_t frame_size = 0;
static int frames_allocated = 0;

struct Generator {
    struct promise_type {
        int current = 0;
        Generator get_return_object() { return Generator{Handle::from_promise(*this)}; }
        std::suspend_always initial_suspend() noexcept { return {}; } // 创建后先停着，等第一次 resume
        std::suspend_always final_suspend() noexcept { return {}; }   // 结束后也停着，由 Generator 销毁
        std::suspend_always yield_value(int v) noexcept {
            current = v;
            return {};
        }
        void return_void() noexcept {}
        void unhandled_exception() noexcept {}
        static void *operator new(std::size_t n) {
            frames_allocated++;
            frame_size = n;
            frame_begin = static_cast<char *>(::operator new(n));
            return frame_begin;
        }
        static void operator delete(void *p) noexcept { ::operator delete(p); }
    };
    using Handle = std::coroutine_handle<promise_type>;

    explicit Generator(Handle h) : handle(h) {}
    Generator(const Generator &) = delete;
    ~Generator() { handle.destroy(); }

    bool next() { // 恢复协程，直到下一个 co_yield 或结束
        handle.resume();
        return !handle.done();
    }
    int value() const { return handle.promise().current; }

    Handle handle;
};

static bool in_frame(const void *p) {
    const char *c = static_cast<const char *>(p);
    return c >= frame_begin && c < frame_begin + frame_size;
}

Generator countdown(int from) {
    int n = from; // 这个局部变量跨越多次挂起，它住在协程帧里
    std::printf("  协程：开始，n 在协程帧里：%s\n", in_frame(&n) ? "是" : "否");
    while (n > 0) co_yield n--;
    std::printf("  协程：结束\n");
}

int main() {
    Generator g = countdown(3);
    std::printf("创建之后：分配了 %d 个协程帧，协程还一行都没运行\n", frames_allocated);
    while (g.next()) std::printf("main：得到 %d\n", g.value());
    std::printf("done() = %s\n", g.handle.done() ? "true" : "false");
    return 0;
}

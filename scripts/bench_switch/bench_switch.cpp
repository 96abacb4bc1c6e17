// Switch-cost benchmark, C++ side: a C++20 coroutine's resume/suspend and boost.context's fiber.
// Usage: bench_switch_cpp MODE N   (MODE is cpp20 or fiber). Prints nanoseconds per switch, in the
// process's CPU time like the C and Lua benchmarks.
#include <time.h>

#include <boost/context/fiber.hpp>
#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

struct Forever {
    struct promise_type {
        Forever get_return_object() { return Forever{std::coroutine_handle<promise_type>::from_promise(*this)}; }
        std::suspend_always initial_suspend() noexcept { return {}; }
        std::suspend_always final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() noexcept {}
    };
    std::coroutine_handle<promise_type> handle;
};

static Forever forever() {
    for (;;) co_await std::suspend_always{};
}

static double now() {
    timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

static double bench_cpp20(long n) {
    Forever f = forever();
    f.handle.resume();
    double start = now();
    for (long i = 0; i < n; i++) f.handle.resume();
    double elapsed = now() - start;
    f.handle.destroy();
    return elapsed;
}

static double bench_fiber(long n) {
    namespace ctx = boost::context;
    bool stop = false;
    ctx::fiber f{[&stop](ctx::fiber &&caller) {
        while (!stop) caller = std::move(caller).resume();
        return std::move(caller);
    }};
    f = std::move(f).resume();
    double start = now();
    for (long i = 0; i < n; i++) f = std::move(f).resume();
    double elapsed = now() - start;
    stop = true;
    f = std::move(f).resume();
    return elapsed;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s cpp20|fiber N\n", argv[0]);
        return 2;
    }
    long n = std::atol(argv[2]);
    double elapsed;
    if (std::strcmp(argv[1], "cpp20") == 0) elapsed = bench_cpp20(n);
    else if (std::strcmp(argv[1], "fiber") == 0) elapsed = bench_fiber(n);
    else return 2;
    std::printf("%.3f\n", elapsed * 1e9 / (2.0 * static_cast<double>(n)));
    return 0;
}

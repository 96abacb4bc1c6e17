// build-flags: -I/usr/include/lua5.4 -llua5.4
/* Lua 5.4 C API 里的协程：C 程序用 lua_resume 驱动一个协程；
 * C 函数 ask 用 lua_yieldk 让出并留下延续函数；C 函数 each 用 lua_callk 调用
 * Lua 回调，回调里的 yield 因此能「穿过」它；each_plain 用普通的 lua_call，就成了 C 调用边界。 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

/* ask 的延续函数：协程被恢复时，Lua 调用它来替 ask 做完剩下的事。
 * 栈上是 ask 原来的参数，yield 出去的值已被换成 resume 传进来的值。 */
static int ask_k(lua_State *L, int status, lua_KContext ctx) {
    const char *question = lua_tostring(L, 1);
    const char *answer = luaL_optstring(L, 2, "（没有回答）");
    (void)status;                                  /* lua_yieldk 的延续总是以 LUA_YIELD 被调用 */
    lua_pushfstring(L, "%s%s（第 %d 个问题）", question, answer, (int)ctx);
    return 1;                                      /* 这就是 ask(...) 在 Lua 里的返回值 */
}

static int ask(lua_State *L) {
    static int asked = 0;
    luaL_checkstring(L, 1);
    lua_pushvalue(L, 1);                           /* 要交给 resume 的值 */
    return lua_yieldk(L, 1, (lua_KContext)++asked, ask_k);
}

/* each(t, f)：对 t 的每个元素调用 f。ctx 记住「做到第几个了」。 */
static int each_k(lua_State *L, int status, lua_KContext ctx);

static int each_from(lua_State *L, lua_Integer i) {
    lua_Integer n = luaL_len(L, 1);
    for (; i <= n; i++) {
        lua_pushvalue(L, 2);
        lua_geti(L, 1, i);
        lua_callk(L, 1, 0, (lua_KContext)i, each_k); /* f 若 yield，恢复后从 each_k 继续 */
    }
    lua_pushinteger(L, n);
    return 1;
}

static int each_k(lua_State *L, int status, lua_KContext ctx) {
    (void)status;                                  /* lua_callk 的延续只会因 yield 而被调用 */
    return each_from(L, (lua_Integer)ctx + 1);     /* 第 ctx 个已经做完，接着做下一个 */
}

static int each(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    return each_from(L, 1);
}

static int each_plain(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_pushvalue(L, 2);
        lua_geti(L, 1, i);
        lua_call(L, 1, 0);                         /* 没有延续函数：这里是 C 调用边界 */
    }
    lua_pushinteger(L, n);
    return 1;
}

static const char *script =
    "local name = ask('名字？')\n"
    "local city = ask('城市？')\n"
    "local n = each({ 'a', 'b' }, function(x) coroutine.yield('each 回调收到 ' .. x) end)\n"
    "return name, city, n\n";

/* 用 lua_resume 把协程一直跑到结束：每次 yield 都打印交出来的值，再送一个回答进去。 */
static void drive(lua_State *L, const char *chunk, const char *const *replies) {
    lua_State *co = lua_newthread(L);
    luaL_loadstring(co, chunk);
    int nargs = 0, nres = 0, status;
    while ((status = lua_resume(co, L, nargs, &nres)) == LUA_YIELD) {
        printf("yield 了 %d 个值：%s\n", nres, lua_tostring(co, -1));
        lua_pop(co, nres);                         /* 取走 yield 交出的值 */
        nargs = 0;
        if (*replies != NULL) {
            lua_pushstring(co, *replies++);        /* 下一次 resume 的参数 */
            nargs = 1;
        }
    }
    if (status == LUA_OK) {
        printf("结束，返回 %d 个值：", nres);
        for (int i = 1; i <= nres; i++)
            printf("%s%s", lua_tostring(co, i), i < nres ? " | " : "\n");
    } else {
        printf("出错：%s\n", lua_tostring(co, -1));
    }
    lua_pop(L, 1);                                 /* 从主线程的栈上移走协程 */
}

int main(void) {
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_register(L, "ask", ask);
    lua_register(L, "each", each);
    lua_register(L, "each_plain", each_plain);

    const char *const replies[] = { "小明", "杭州", NULL };
    printf("-- lua_yieldk 与 lua_callk：\n");
    drive(L, script, replies);

    const char *const none[] = { NULL };
    printf("-- 换成 lua_call：\n");
    drive(L, "return each_plain({ 'a' }, function(x) coroutine.yield(x) end)", none);

    lua_close(L);
    return 0;
}

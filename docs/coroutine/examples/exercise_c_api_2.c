// build-flags: -I/usr/include/lua5.4 -llua5.4
/* 练习答案：在 C 里消费一个 Lua 生成器。lua_resume 的第四个参数 nres
 * 告诉我们这次 yield（或 return）留在协程栈顶的值有几个。 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

int main(void) {
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    /* 生成器：依次 yield 1..n 的平方，最后 return 一个说明字符串。 */
    if (luaL_dostring(L, "return function(n) for i = 1, n do coroutine.yield(i * i) end return 'done' end"))
        return 1;

    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, -2);                          /* 复制生成器函数 */
    lua_xmove(L, co, 1);                           /* 移到协程的栈上，作为它的主函数 */
    lua_pushinteger(co, 5);                        /* 第一次 resume 的参数：n = 5 */

    long long sum = 0;
    int nres, status, nargs = 1;
    while ((status = lua_resume(co, L, nargs, &nres)) == LUA_YIELD) {
        sum += lua_tointeger(co, -1);
        printf("收到 %lld，累计 %lld\n", (long long)lua_tointeger(co, -1), sum);
        lua_pop(co, nres);
        nargs = 0;                                 /* 之后的 resume 不传参数 */
    }
    printf("状态 %s，返回 %d 个值：%s\n", status == LUA_OK ? "LUA_OK" : "出错", nres, lua_tostring(co, -1));
    lua_close(L);
    return 0;
}

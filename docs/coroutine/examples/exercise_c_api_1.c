// build-flags: -I/usr/include/lua5.4 -llua5.4
/* 练习答案：用 lua_pcallk 写一个自己的 protect(f, ...)，行为像 pcall：
 * 成功时返回 true 和 f 的结果，出错时返回 false 和错误对象；f 里 yield 也没关系。 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>

/* 无论 f 正常返回、yield 后返回还是出错，最后都到这里整理结果。
 * 栈底是我们事先放好的 true，上面是 f 的结果，或者只有一个错误对象。 */
static int protect_k(lua_State *L, int status, lua_KContext ctx) {
    (void)ctx;
    if (status != LUA_OK && status != LUA_YIELD) {  /* 出错：f 的结果换成 false, 错误对象 */
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    return lua_gettop(L);                           /* true 加上 f 的全部结果 */
}

static int protect(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);                               /* 栈：true, f, 参数... */
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, protect_k);
    return protect_k(L, status, 0);                 /* 没有 yield 时，自己调用延续函数 */
}

static const char *script =
    "local co = coroutine.wrap(function()\n"
    "  print('第一次：', protect(function(a) return a + coroutine.yield('等一个数') end, 1))\n"
    "  print('第二次：', protect(function() error('算不下去了', 0) end))\n"
    "  print('第三次：', protect(function() coroutine.yield('再等一次'); error('等超时了', 0) end))\n"
    "end)\n"
    "print('外面收到：', co())\n"
    "print('外面收到：', co(41))\n"
    "co()\n";

int main(void) {
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_register(L, "protect", protect);
    if (luaL_dostring(L, script) != LUA_OK)
        printf("脚本出错：%s\n", lua_tostring(L, -1));
    lua_close(L);
    return 0;
}

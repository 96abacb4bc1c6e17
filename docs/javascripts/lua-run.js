/*
 * 运行 buttons for the Lua examples (the site's own code, MIT).
 *
 * The Markdown extension marks every example that runs on Lua 5.4 with
 * <p class="example-meta" data-lua-run="5.4" data-example="NAME.lua">. This script adds, after that
 * line, a 运行 button, an editor the reader may open, a reset button and an aria-live output region.
 * The Lua VM (wasmoon: Lua 5.4 compiled to WebAssembly, vendored in javascripts/vendor/wasmoon/) is
 * loaded only when a reader first presses 运行, from files beside this one: no request leaves the
 * site, and from file:// the WebAssembly comes from a data: URI, because file:// pages may not fetch.
 *
 * Each run gets a fresh Lua state. print and io.write are collected in Lua itself, with Lua's own
 * formatting (tostring for print; %d and %.14g for numbers given to io.write), so the output is
 * byte for byte what `lua5.4 NAME.lua` prints; the browser tests compare it with NAME.out.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var base = script ? script.src.replace(/lua-run\.js(\?.*)?$/, "") : "javascripts/";
  var VM_FILES = ["vendor/wasmoon/glue-wasm.js", "vendor/wasmoon/wasmoon.js"];
  var TIME_LIMIT_SECONDS = 5;

  // Runs __src as the chunk "@" .. __name; leaves __stdout and __error behind for JavaScript.
  var PRELUDE = [
    "local src, name, seconds = __src, __name, __seconds",
    "__src, __name, __seconds = nil, nil, nil",
    "local out, n = {}, 0",
    "local select, tostring, type, concat, format = select, tostring, type, table.concat, string.format",
    "local mtype, error, clock = math.type, error, os.clock",
    "local function emit(s) n = n + 1; out[n] = s end",
    "function print(...)",
    "  local count = select('#', ...)",
    "  for i = 1, count do",
    "    emit(tostring((select(i, ...))))",
    "    if i < count then emit('\\t') end",
    "  end",
    "  emit('\\n')",
    "end",
    "local stdout = io.stdout",
    "local function write(...)",
    "  for i = 1, select('#', ...) do",
    "    local v = select(i, ...)",
    "    local t = type(v)",
    "    if t == 'string' then emit(v)",
    "    elseif t == 'number' then emit(mtype(v) == 'integer' and format('%d', v) or format('%.14g', v))",
    "    else error(format(\"bad argument #%d to 'write' (string expected, got %s)\", i, t), 3) end",
    "  end",
    "end",
    "local methods = getmetatable(stdout).__index",
    "local file_write = methods.write",
    "methods.write = function(f, ...)",
    "  if f == stdout then write(...); return f end",
    "  return file_write(f, ...)",
    "end",
    "io.write = function(...)",
    "  local f = io.output()",
    "  if f == stdout then write(...); return f end",
    "  return f:write(...)",
    "end",
    "local chunk, err = load(src, '@' .. name)",
    "local ok, message = false, err",
    "if chunk then",
    "  local deadline = clock() + seconds",
    "  debug.sethook(function()",
    "    if clock() > deadline then error('运行超过 ' .. seconds .. ' 秒，已停止', 2) end",
    "  end, '', 100000)",
    "  ok, message = xpcall(chunk, function(e) return tostring(e) end)",
    "  debug.sethook()",
    "end",
    "__stdout = concat(out)",
    "__error = (not ok) and tostring(message) or nil",
  ].join("\n");

  var factory = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = base + src;
      tag.onload = resolve;
      tag.onerror = function () {
        reject(new Error("无法加载 " + src));
      };
      document.head.appendChild(tag);
    });
  }

  function luaFactory() {
    if (!factory) {
      factory = VM_FILES.reduce(function (chain, file) {
        return chain.then(function () {
          return loadScript(file);
        });
      }, Promise.resolve()).then(function () {
        return new window.wasmoon.LuaFactory(window.WASMOON_GLUE_WASM);
      });
      factory.catch(function () {
        factory = null; // let the next press try again
      });
    }
    return factory;
  }

  function runLua(code, name) {
    return luaFactory()
      .then(function (f) {
        return f.createEngine();
      })
      .then(function (lua) {
        try {
          lua.global.set("__src", code);
          lua.global.set("__name", name);
          lua.global.set("__seconds", window.LUA_RUN_TIME_LIMIT || TIME_LIMIT_SECONDS);
          lua.doStringSync(PRELUDE);
          var error = lua.global.get("__error");
          return { stdout: lua.global.get("__stdout") || "", error: error == null ? null : String(error) };
        } finally {
          lua.global.close();
        }
      });
  }

  function codeOf(meta) {
    // The example's code block is the second block before its 适用于 line (code, output, 适用于).
    var blocks = [];
    for (var el = meta.previousElementSibling; el && blocks.length < 2; el = el.previousElementSibling) {
      if (el.classList.contains("highlight")) blocks.push(el);
    }
    var code = blocks.length === 2 ? blocks[1].querySelector("code") : null;
    return code ? code.textContent : null;
  }

  function button(text, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "lua-run__button " + className;
    b.textContent = text;
    return b;
  }

  function setUp(meta, index) {
    var original = codeOf(meta);
    if (original === null) return;
    var name = meta.getAttribute("data-example") || "example.lua";
    var version = meta.getAttribute("data-lua-run");
    var id = "lua-run-" + index;

    var box = document.createElement("div");
    box.className = "lua-run";
    var bar = document.createElement("div");
    bar.className = "lua-run__bar";
    var run = button("▶ 运行（Lua " + version + "）", "lua-run__run");
    run.title = "在浏览器里用 Lua " + version + "（wasmoon）运行 " + name;
    var edit = button("编辑代码", "lua-run__edit");
    edit.setAttribute("aria-expanded", "false");
    edit.setAttribute("aria-controls", id + "-editor");
    var reset = button("恢复原样", "lua-run__reset");
    reset.hidden = true;
    var note = document.createElement("span");
    note.className = "lua-run__note";
    note.textContent = "在浏览器里运行，Lua " + version + "（wasmoon）";
    bar.append(run, edit, reset, note);

    var editor = document.createElement("textarea");
    editor.className = "lua-run__editor";
    editor.id = id + "-editor";
    editor.hidden = true;
    editor.spellcheck = false;
    editor.value = original;
    editor.rows = Math.min(Math.max(original.split("\n").length, 4), 24);
    editor.setAttribute("aria-label", "编辑 " + name + " 的代码");

    var output = document.createElement("div");
    output.className = "lua-run__output";
    output.setAttribute("aria-live", "polite");
    output.setAttribute("aria-label", name + " 的运行结果");
    output.hidden = true;
    var status = document.createElement("p");
    status.className = "lua-run__status";
    var stdout = document.createElement("pre");
    stdout.className = "lua-run__stdout";
    var error = document.createElement("p");
    error.className = "lua-run__error";
    error.hidden = true;
    output.append(status, stdout, error);

    box.append(bar, editor, output);
    meta.after(box);

    edit.addEventListener("click", function () {
      var open = editor.hidden;
      editor.hidden = !open;
      reset.hidden = !open;
      edit.setAttribute("aria-expanded", String(open));
      edit.textContent = open ? "收起编辑框" : "编辑代码";
      if (open) editor.focus();
    });
    reset.addEventListener("click", function () {
      editor.value = original;
      output.hidden = true;
      stdout.textContent = "";
      error.hidden = true;
      output.removeAttribute("data-state");
      editor.focus();
    });
    run.addEventListener("click", function () {
      var code = editor.hidden && editor.value === original ? original : editor.value;
      run.disabled = true;
      output.hidden = false;
      output.setAttribute("data-state", "running");
      output.setAttribute("aria-busy", "true");
      status.textContent = factory ? "正在运行……" : "正在加载 Lua " + version + " 虚拟机……";
      stdout.textContent = "";
      error.hidden = true;
      runLua(code, name)
        .then(function (result) {
          stdout.textContent = result.stdout;
          // A line wider than the box scrolls inside it: a keyboard reader must be able to focus the box
          // to scroll it (axe-core: scrollable-region-focusable), as scroll-regions.js does for tables.
          if (stdout.scrollWidth > stdout.clientWidth) stdout.tabIndex = 0;
          else stdout.removeAttribute("tabindex");
          if (result.stdout) status.textContent = "输出（Lua " + version + "，在你的浏览器里运行）：";
          else status.textContent = result.error ? "运行出错：" : "运行完毕，没有输出。";
          if (result.error) {
            error.hidden = false;
            error.textContent = "错误：" + result.error;
          }
        })
        .catch(function (e) {
          status.textContent = "无法运行：" + (e && e.message ? e.message : e);
        })
        .finally(function () {
          run.disabled = false;
          output.removeAttribute("aria-busy");
          output.setAttribute("data-state", "done");
        });
    });
  }

  document.querySelectorAll("p.example-meta[data-lua-run]").forEach(setUp);
})();

// 比屏幕宽的表格在自己的框里横向滚动。只用键盘的读者要能把焦点移到这个框上，才能用方向键滚动它
// （axe-core：scrollable-region-focusable）。Material 在每次渲染页面时才包裹表格，所以订阅 document$。
document$.subscribe(() => {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "表格（可横向滚动）");
    }
  }
});

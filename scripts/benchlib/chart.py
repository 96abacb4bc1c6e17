"""A small hand-made SVG bar chart (no plotting library needed)."""

from __future__ import annotations

from html import escape

COLORS = {"bare": "#9e9e9e", "ours": "#3f51b5", "lychee": "#e65100", "aiohttp": "#78909c"}


def bar_chart(title: str, groups: list[tuple[str, dict[str, float]]], unit: str = "s") -> str:
    """Horizontal bars: one group per label (e.g. "N = 2,000"), one bar per series, scaled per group."""
    bar_h, gap, label_w, chart_w = 18, 6, 190, 420
    rows: list[str] = []
    y = 40
    for label, series in groups:
        rows.append(f'<text x="10" y="{y + 12}" font-weight="bold">{escape(label)}</text>')
        y += 20
        top = max(series.values(), default=1.0) or 1.0
        for name, value in series.items():
            width = max(1.0, chart_w * value / top)
            color = COLORS.get(name.split()[0], "#607d8b")
            rows.append(f'<text x="10" y="{y + 13}">{escape(name)}</text>')
            rows.append(f'<rect x="{label_w}" y="{y}" width="{width:.1f}" height="{bar_h}" fill="{color}"/>')
            rows.append(f'<text x="{label_w + width + 6:.1f}" y="{y + 13}">{value:.2f} {unit}</text>')
            y += bar_h + gap
        y += 10
    height = y + 10
    width = label_w + chart_w + 90
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">\n'
        f'<rect width="100%" height="100%" fill="white"/>\n'
        f'<text x="10" y="22" font-size="14" font-weight="bold">{escape(title)}</text>\n'
        + "\n".join(rows)
        + "\n</svg>\n"
    )

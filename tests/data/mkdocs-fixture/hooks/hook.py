"""A project hook that adds a reference definition and an id (the validator must see both)."""


def on_page_markdown(markdown, page, config, files):
    return markdown + "\n\n[hookref]: other.md\n"


def on_page_content(html, page, config, files):
    return html + '\n<p id="hook-id">added by a hook</p>\n'

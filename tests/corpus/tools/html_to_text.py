#!/usr/bin/env python3
"""Render an HTML page (or one element of it) to the text a reader copies
from a browser: paragraphs and headings separated by a blank line, other
blocks by a line break, runs of white space inside a block collapsed to one
space as browsers do, and every character as published (no-break spaces,
curly quotes, dashes). Scripts, styles and hidden metadata are left out.

usage: html_to_text.py PAGE.html [--select TAG[.CLASS|#ID]] > PAGE.txt
"""
import html.parser
import re
import sys

SKIP = {"script", "style", "noscript", "svg", "head", "template", "iframe", "button", "select", "option", "form"}
PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "figure", "pre", "dl", "hr"}
LINE = {"div", "li", "tr", "br", "figcaption", "section", "article", "header", "footer", "aside", "nav", "dt", "dd", "main", "address"}
VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}
SPACE = re.compile(r"[ \t\r\n\f]+")


class Renderer(html.parser.HTMLParser):
    def __init__(self, select):
        super().__init__(convert_charrefs=True)
        self.select = select
        self.depth_in_selected = 0 if select is None else -1
        self.stack = []
        self.skip = 0
        self.out = []  # pieces: text, ("break", n) or ("pre", text)
        self.pre = 0  # depth inside <pre>: white space kept as written
        self.pre_fresh = False  # just after <pre>: a browser drops one leading newline

    def matches(self, tag, attrs):
        if self.select is None:
            return False
        m = re.match(r"([a-z0-9]*)(?:([.#])(.+))?$", self.select)
        name, kind, value = m.groups()
        if name and tag != name:
            return False
        attrs = dict(attrs)
        if kind == ".":
            return value in (attrs.get("class") or "").split()
        if kind == "#":
            return attrs.get("id") == value
        return True

    def active(self):
        return self.depth_in_selected >= 0 and self.skip == 0

    def brk(self, n):
        if self.active():
            self.out.append(("break", n))

    def handle_starttag(self, tag, attrs):
        if self.depth_in_selected < 0 and self.matches(tag, attrs):
            self.depth_in_selected = 0
            self.sel_stack = len(self.stack)
        if tag in VOID:
            if tag == "br":
                self.brk(1)
            elif tag == "hr":
                self.brk(2)
            return
        self.stack.append(tag)
        if tag == "pre":
            self.pre += 1
            self.pre_fresh = True
        attributes = dict(attrs)
        hidden = "hidden" in attributes or "hidden" in (attributes.get("class") or "").split()
        if tag in SKIP or hidden:
            # Not shown by a browser: scripts and styles, and elements hidden
            # by the `hidden` attribute or class (kremlin.ru's name tooltips).
            self.stack[-1] = tag + "#hidden"
            self.skip += 1
        if tag in PARAGRAPH:
            self.brk(2)
        elif tag in LINE:
            self.brk(1)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag not in self.stack and tag + "#hidden" not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top.endswith("#hidden"):
                self.skip -= 1
                top = top[: -len("#hidden")]
            if top == "pre":
                self.pre -= 1
            if top in PARAGRAPH:
                self.brk(2)
            elif top in LINE:
                self.brk(1)
            if self.select is not None and self.depth_in_selected >= 0 and len(self.stack) == self.sel_stack:
                self.depth_in_selected = -2  # done: only the first match
            if top == tag:
                break

    def handle_data(self, data):
        if self.pre:
            if self.pre_fresh and data.startswith("\n"):
                data = data[1:]
            self.pre_fresh = False
            if self.active() and data:
                self.out.append(("pre", data))
            return
        if self.active():
            self.out.append(data)

    def text(self):
        lines = []
        current = ""
        pending = 0
        PRE = "\x00PRE\x00"  # marks lines from <pre>, kept exactly (no strip, no blank-line collapse)
        for piece in self.out:
            if isinstance(piece, tuple) and piece[0] == "pre":
                if pending:
                    if current.strip(" "):
                        lines.append(current.strip(" "))
                        if pending == 2:
                            lines.append("")
                    elif pending == 2 and lines and lines[-1] != "":
                        lines.append("")
                    current = ""
                    pending = 0
                parts = piece[1].split("\n")
                parts[0] = current + parts[0]
                for part in parts[:-1]:
                    lines.append(PRE + part)
                current = PRE + parts[-1] if parts[-1] else ""
                continue
            if isinstance(piece, tuple):
                pending = max(pending, piece[1])
                continue
            if current.startswith(PRE):
                lines.append(current)
                current = ""
            piece = SPACE.sub(" ", piece)
            if not piece:
                continue
            if pending:
                if current.strip(" "):
                    lines.append(current.strip(" "))
                    if pending == 2:
                        lines.append("")
                elif pending == 2 and lines and lines[-1] != "":
                    lines.append("")
                current = ""
                pending = 0
                piece = piece.lstrip(" ")
            current += piece
        if current.startswith(PRE):
            lines.append(current)
        elif current.strip(" "):
            lines.append(current.strip(" "))
        # Collapse runs of blank lines and drop blank-only lines (outside <pre>).
        text = "\n".join(lines)
        text = re.sub(r"\n{3,}", "\n\n", text)
        text = text.replace(PRE, "").strip("\n")
        return text + "\n"


def main():
    args = sys.argv[1:]
    select = None
    if "--select" in args:
        i = args.index("--select")
        select = args[i + 1]
        del args[i : i + 2]
    page = open(args[0], encoding="utf-8", errors="strict").read()
    r = Renderer(select)
    r.feed(page)
    r.close()
    sys.stdout.write(r.text())


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the Typst twin of a synthetic bench issue, for `make bench`: the same articles (the
Markdown subset make-issue.py writes: headings, lists, quotes, figures, bold), the same page
(A4, margins 20/22/20/16 mm, two columns 6 mm apart), the same fonts (Noto Serif 9.5 pt on
13.2 pt, Noto Sans headings, from fonts/) and sizes, each article on a new page.

    make-typst.py ISSUE_DIR OUT.typ

Images are referenced from ISSUE_DIR/images, so OUT.typ goes in ISSUE_DIR (Typst's root)."""
import os, re, sys

SPECIAL = re.compile(r'([\\#*_$@<>\[\]`=+/~"\'-])')


def text(s):
    """Typst markup for plain text: every character Typst would read as syntax is escaped."""
    return SPECIAL.sub(r'\\\1', s)


def inline(s):
    """Plain text with the bench's only inline markup, **bold**."""
    parts = re.split(r'\*\*(.+?)\*\*', s)
    return ''.join(text(p) if i % 2 == 0 else '*' + text(p) + '*' for i, p in enumerate(parts))


def front_matter(source):
    head, body = source.split('\n---\n', 1)
    meta = {}
    for line in head.splitlines()[1:]:
        key, _, value = line.partition(':')
        meta[key.strip()] = value.strip().strip('"').strip('[]')
    return meta, body


def block(b):
    if b.startswith('## '):
        return '== ' + inline(b[3:])
    if b.startswith('- '):
        return '\n'.join('- ' + inline(line[2:]) for line in b.splitlines())
    if b.startswith('> '):
        return '#quote(block: true)[' + inline(b[2:]) + ']'
    m = re.match(r'!\[(.*)\]\(\.\./images/(\S+) "(.*)"\)$', b)
    if m:
        caption, image, credit = m.groups()
        return (f'#figure(image("images/{image}", width: 100%), '
                f'caption: [{text(caption)} #text(style: "italic", size: 7pt)[{text(credit)}]])')
    return inline(b)


def main():
    issue, out = sys.argv[1], sys.argv[2]
    articles = sorted(os.listdir(os.path.join(issue, 'articles')))
    lines = ['''#set page(paper: "a4", margin: (top: 20mm, bottom: 22mm, inside: 20mm, outside: 16mm), columns: 2)
#set columns(gutter: 6mm)
#set text(font: "Noto Serif", size: 9.5pt, lang: "vi", hyphenate: false, top-edge: 1em, bottom-edge: "baseline")
#set par(justify: true, leading: 3.7pt, spacing: 3.7pt, first-line-indent: 4mm)
#show heading.where(level: 1): set text(font: "Noto Sans", size: 22pt, weight: "bold")
#show heading.where(level: 2): set text(font: "Noto Sans", size: 11pt, weight: "bold")
#show figure.caption: set text(font: "Noto Sans", size: 8pt)
''']
    for n, name in enumerate(articles):
        with open(os.path.join(issue, 'articles', name), encoding='utf-8') as f:
            meta, body = front_matter(f.read())
        if n > 0:
            lines.append('#pagebreak()')
        # The opener spans both columns, as Bantin's does: title, standfirst, byline.
        lines.append('#place(top, scope: "parent", float: true)[')
        lines.append('= ' + text(meta.get('title', '')) + '\n')
        lines.append('#text(font: "Noto Serif", style: "italic", size: 11pt)[' + text(meta.get('summary', '')) + ']\n')
        lines.append('#text(font: "Noto Sans", size: 8.5pt)[' + text(meta.get('authors', '')) + ']')
        lines.append(']')
        for b in body.strip().split('\n\n'):
            lines.append(block(b.strip()))
            lines.append('')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


main()

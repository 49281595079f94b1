#!/usr/bin/python3
"""The structure of web pages as a browser builds it (html5lib, Debian's python3-html5lib), as
JSON for the tests to assert on: headings, figures (alt, caption, credit, the link to the large
copy and its accessible name), the closing byline, related-article cards, the footer's text
and the icons the head links.

    structure.py PAGE.html ...   prints one JSON object per page, keyed by its path"""
import json, sys
import html5lib

def local(name):
    return name.split("}")[-1] if isinstance(name, str) else ""

def text(element):
    """textContent, whitespace collapsed: what a screen reader reads in order."""
    return " ".join("".join(element.itertext()).split()) if element is not None else None

def classes(element):
    return (element.get("class") or "").split()

def find(element, tag=None, cls=None):
    return [e for e in element.iter() if (tag is None or local(e.tag) == tag) and (cls is None or cls in classes(e))]

def accessible_name(link):
    """The name of a link from its content: text, and the alt of images in it."""
    parts = []
    def walk(e):
        if local(e.tag) == "img":
            parts.append(e.get("alt") or "")
        elif e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)
    walk(link)
    return " ".join(" ".join(parts).split())

def page(path):
    tree = html5lib.parse(open(path, encoding="utf-8").read(), treebuilder="etree", namespaceHTMLElements=False)
    out = {"headings": [[int(local(e.tag)[1]), text(e)] for e in tree.iter() if local(e.tag) in ("h1", "h2", "h3", "h4", "h5", "h6")]}
    out["figures"] = []
    for figure in find(tree, "figure"):
        img = find(figure, "img")[0]
        links = find(figure, "a", "zoom")
        caption = find(figure, "figcaption")
        credit = find(figure, cls="credit")
        out["figures"].append({
            "alt": img.get("alt"), "caption": text(caption[0]) if caption else None,
            "credit": text(credit[0]) if credit else None,
            "link": links[0].get("href") if links else None,
            "linkName": accessible_name(links[0]) if links else None,
            "chart": any("chart" in classes(e) for e in figure.iter()),
        })
    articles = find(tree, "article")
    if articles:
        last = [e for e in articles[0] if local(e.tag) != "section"][-1]
        out["lastInArticle"] = {"class": last.get("class"), "text": text(last)}
    out["related"] = []
    for section in find(tree, "section", "related"):
        for card in find(section, "li", "card"):
            thumbs = find(card, "img", "thumb")
            date, excerpt = find(card, cls="date"), find(card, cls="excerpt")
            out["related"].append({"thumbnail": thumbs[0].get("src") if thumbs else None,
                                   "date": text(date[0]) if date else None,
                                   "excerpt": text(excerpt[0]) if excerpt else None})
    footers = find(tree, "footer")
    out["footer"] = text(footers[-1]) if footers else None
    out["footerAddress"] = [text(a) for f in footers for a in find(f, "address")]
    out["icons"] = [{"rel": e.get("rel"), "href": e.get("href"), "sizes": e.get("sizes")}
                    for e in find(tree, "link") if e.get("rel") in ("icon", "apple-touch-icon")]
    return out

print(json.dumps({p: page(p) for p in sys.argv[1:]}, ensure_ascii=False))

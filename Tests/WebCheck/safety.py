#!/usr/bin/python3
"""What a browser would run in the web edition, found with an HTML5 parser (html5lib, Debian's
python3-html5lib), not by searching the text: every element and attribute as a browser builds
them. Fails (exit 1, one line per finding) on an event-handler attribute, a script element with
inline content, a script URL (javascript:, vbscript:, data:text/html — after the entity decoding
and whitespace a browser applies), an element that embeds active content; and on an XML file
that does not parse or a JSON file that does not load.

    safety.py FOLDER   checks every .html, .xml and .json under FOLDER"""
import json, os, re, sys
import xml.etree.ElementTree as ET
import html5lib

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset", "content"}
ACTIVE = {"iframe", "object", "embed", "applet", "frame", "frameset", "base"}
SCRIPT_URL = re.compile(r"^(javascript|vbscript|data:text/html|data:image/svg)", re.I)

def local(name):
    return name.split("}")[-1] if isinstance(name, str) else ""

def findings_html(path, text):
    out = []
    tree = html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=False)
    for element in tree.iter():
        tag = local(element.tag).lower()
        if tag in ACTIVE:
            out.append("%s: <%s> element" % (path, tag))
        if tag == "script" and ((element.text or "").strip() or not element.get("src")):
            out.append("%s: inline script" % path)
        for name, value in element.attrib.items():
            name = local(name).lower()
            if name.startswith("on"):
                out.append("%s: <%s %s=…> event handler" % (path, tag, name))
            if name in URL_ATTRIBUTES:
                for candidate in (value.split(",") if name == "srcset" else [value]):
                    # A browser drops ASCII whitespace and controls inside the scheme.
                    squeezed = re.sub(r"[\x00-\x20]", "", candidate.split(" ")[0] if name == "srcset" else candidate)
                    if name == "content" and tag != "meta":
                        continue
                    if name == "content":
                        squeezed = squeezed.split("url=", 1)[-1] if "url=" in squeezed.lower() else ""
                    if SCRIPT_URL.match(squeezed):
                        out.append("%s: <%s %s=\"%s\"> script URL" % (path, tag, name, value[:40]))
    return out

def check(folder):
    out = []
    for base, _, files in os.walk(folder):
        for name in sorted(files):
            path = os.path.join(base, name)
            if name.endswith(".html"):
                with open(path, encoding="utf-8") as f:
                    out += findings_html(path, f.read())
            elif name.endswith(".xml"):
                try:
                    ET.parse(path)
                except ET.ParseError as e:
                    out.append("%s: not well-formed XML: %s" % (path, e))
            elif name.endswith(".json"):
                try:
                    with open(path, encoding="utf-8") as f:
                        json.load(f)
                except ValueError as e:
                    out.append("%s: not JSON: %s" % (path, e))
    return out

if __name__ == "__main__":
    found = check(sys.argv[1])
    for line in found:
        print(line)
    sys.exit(1 if found else 0)

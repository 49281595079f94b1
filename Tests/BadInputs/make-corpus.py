#!/usr/bin/env python3
"""Writes the bad-input corpus: one folder per case under cases/, each a small project fragment
and an `expect` file with every diagnostic it must produce — the complete set, one a line:

    <severity> <path from the project root> <line>:<column> <fragment of the message>

or `none` when the input must be accepted without a diagnostic — and last `exit <status>`, the
exit status of `bantin check` (1 when any is an error). In place of a fragment,
`= <message> | hint: <hint>` (written by `exact`) asks for the message and the hint exactly, and
for no hint when `| hint:` is left out. The test harness
(Tests/EndToEndTests/BadInputTests.swift) fills in what a case leaves out: publication.yaml,
issue.yaml (one section listing articles/a.md), a good articles/a.md, fonts/ and layouts/.
Run it again after changing a case; the corpus is committed, this script is how it was made."""
import os, shutil, struct, subprocess, zlib

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "cases")
shutil.rmtree(root, ignore_errors=True)

ISSUE = "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n  - title: Tin\n    articles: [articles/a.md]\n"
GOOD = "---\ntitle: Bài viết\n---\n\nNội dung bài viết.\n"

def case(name, files, expect):
    folder = os.path.join(root, name)
    for path, content in files.items():
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if isinstance(content, tuple) and content[0] == "symlink":
            os.symlink(content[1], full)
        elif isinstance(content, tuple) and content[0] == "dir":
            os.makedirs(full, exist_ok=True)
            open(os.path.join(full, ".keep"), "w").close()
        else:
            with open(full, "wb") as f:
                f.write(content.encode("utf-8") if isinstance(content, str) else content)
    # The run's exit status last: 1 when any diagnostic is an error.
    status = 1 if any(line.startswith("error ") for line in expect) else 0
    with open(os.path.join(folder, "expect"), "w", encoding="utf-8") as f:
        f.write("\n".join(expect + ["exit %d" % status]) + "\n")

def exact(severity, path, position, message, hint=None):
    """An expectation of the exact message and hint: what an editor reads and acts on."""
    return "%s %s %s = %s" % (severity, path, position, message) + (" | hint: " + hint if hint else "")

def article(body, front="title: Bài viết"):
    return "---\n" + front + "\n---\n\n" + body + "\n"

def png(width, height, data=None, iend=True):
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    raw = data if data is not None else b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw))
    return out + (chunk(b"IEND", b"") if iend else b"")

def jpeg(colorspace="sRGB", extra=()):
    return subprocess.run(["convert", "-size", "64x48", "xc:#3a7", *extra, "-colorspace", colorspace, "jpg:-"],
                          capture_output=True, check=True).stdout

I = "issues/x/issue.yaml"
A = "issues/x/articles/a.md"
P = "issues/publication.yaml"
L = "layouts/a4-two-column.yaml"
FIG = lambda img: article("Mở đầu.\n\n![Ảnh minh họa](" + img + " \"Ảnh: thử\")")

# Manifests: YAML syntax, tabs, duplicate keys, wrong types, unknown and missing keys.
case("01-issue-yaml-syntax", {I: "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections: [\n"}, ["error issues/x/issue.yaml 6:1 YAML syntax error"])
case("02-issue-tab-indent", {I: "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections:\n\t- title: Tin\n"}, ["error issues/x/issue.yaml 6:1 YAML syntax error"])
case("03-issue-duplicate-key", {I: "number: 1\nnumber: 2\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections: []\n"}, ["error issues/x/issue.yaml 1:1 duplicate key 'number'"])
case("04-issue-wrong-type", {I: ISSUE.replace("number: 1", "number: một")}, ["error issues/x/issue.yaml 1:9 'number' must be a whole number"])
case("05-issue-unknown-key", {I: ISSUE + "titel: Số đặc biệt\n"}, ["error issues/x/issue.yaml 8:1 unknown key 'titel'"])
case("06-issue-missing-date", {I: ISSUE.replace("date: 2025-03-31\n", "")}, ["error issues/x/issue.yaml 1:1 issue.yaml has no 'date'"])
case("07-issue-impossible-date", {I: ISSUE.replace("2025-03-31", "2025-02-30")},
     [exact("error", I, "4:7", "'date' is not a date: February 2025 has 28 days", "the last day of February 2025 is 2025-02-28")])
case("08-issue-quarter-range", {I: ISSUE.replace("quarter: 1", "quarter: 5")}, ["error issues/x/issue.yaml 3:10 between 1 and 4"])
case("09-issue-sections-not-list", {I: ISSUE.split("sections:")[0] + "sections: Tin\n"}, ["error issues/x/issue.yaml 5:11 'sections' must be a list"])
case("10-publication-yaml-syntax", {P: "title: Bản tin\npublisher: [Hội\n"}, ["error issues/publication.yaml 3:1 YAML syntax error"])
case("11-publication-unknown-key", {P: "title: Bản tin\npublisher: Hội\nwebsite: https://example.org\n"}, ["error issues/publication.yaml 3:1 unknown key 'website'"])
case("12-publication-missing-title", {P: "publisher: Hội\n"}, ["error issues/publication.yaml 1:1 has no 'title'"])
# Front matter.
case("13-front-matter-syntax", {A: "---\ntitle: Bài: viết: sai\nauthors: [An\n---\n\nNội dung.\n"}, ["error issues/x/articles/a.md 2:"])
case("14-front-matter-unknown-key", {A: article("Nội dung.", "title: Bài\nautor: An")}, ["error issues/x/articles/a.md 3:1 unknown key 'autor'"])
case("15-front-matter-no-title", {A: article("Nội dung.", "authors: [An]")}, ["error issues/x/articles/a.md 2:1 has no 'title'"])
case("16-front-matter-wrong-type", {A: article("Nội dung.", "title: Bài\ntags: {a: b}")}, ["error issues/x/articles/a.md 3:7 'tags' must be a list"])
case("17-front-matter-missing", {A: "Chỉ có nội dung, không có phần đầu.\n"}, ["error issues/x/articles/a.md 1:1 has no front matter"])
case("18-front-matter-bad-date", {A: article("Nội dung.", "title: Bài\ndate: 31/03/2025")},
     [exact("error", A, "3:7", "'date' must be written YYYY-MM-DD, not '31/03/2025'", "did you mean 2025-03-31?")])
# Articles that are not there, empty, or not files; paths that leave the issue.
case("19-article-missing", {I: ISSUE.replace("articles/a.md", "articles/khong-co.md")}, ["error issues/x/issue.yaml 7:16 no such file"])
case("20-article-empty", {A: ""}, ["error issues/x/articles/a.md 1:1 has no front matter"])
case("21-article-is-a-folder", {I: ISSUE.replace("articles/a.md", "articles/thu-muc.md"), "issues/x/articles/thu-muc.md": ("dir",)},
     ["error issues/x/issue.yaml 7:16 is a folder, not a file"])
case("22-article-traversal", {I: ISSUE.replace("articles/a.md", "../../../etc/passwd")}, ["error issues/x/issue.yaml 7:16 outside the issue folder"])
case("23-article-absolute", {I: ISSUE.replace("articles/a.md", "/etc/passwd")}, ["error issues/x/issue.yaml 7:16 outside the issue folder"])
case("24-article-symlink-out", {I: ISSUE.replace("articles/a.md", "articles/pw.md"), "issues/x/articles/pw.md": ("symlink", "/etc/passwd")},
     ["error issues/x/issue.yaml 7:16 outside the issue folder"])
# Images.
case("25-image-missing", {A: FIG("../images/khong-co.jpg")}, ["error issues/x/articles/a.md 7:1 no image file"])
case("26-image-traversal", {A: FIG("../../../../etc/hostname")}, ["error issues/x/articles/a.md 7:1 outside the issue folder"])
case("27-image-absolute", {A: FIG("/etc/hostname")}, ["error issues/x/articles/a.md 7:1 outside the issue folder"])
case("28-image-symlink-out", {A: FIG("../images/out.png"), "issues/x/images/out.png": ("symlink", "/etc/hostname")},
     ["error issues/x/articles/a.md 7:1 outside the issue folder"])
case("29-image-remote", {A: FIG("https://example.org/anh.jpg")}, ["error issues/x/articles/a.md 7:1 must be files in the issue folder"])
case("30-image-corrupt", {A: FIG("../images/hong.jpg"), "issues/x/images/hong.jpg": b"\xff\xd8\x00garbage" * 20}, ["error issues/x/articles/a.md 7:1 damaged"])
good = jpeg()
case("31-image-truncated", {A: FIG("../images/cut.jpg"), "issues/x/images/cut.jpg": good[: len(good) - 40]}, ["error issues/x/articles/a.md 7:1 truncated"])
case("32-image-zero-bytes", {A: FIG("../images/rong.jpg"), "issues/x/images/rong.jpg": b""}, ["error issues/x/articles/a.md 7:1 the file is empty"])
case("33-image-cmyk", {A: FIG("../images/cmyk.jpg"), "issues/x/images/cmyk.jpg": jpeg("CMYK")}, ["error issues/x/articles/a.md 7:1 CMYK"])
case("34-image-decompression-bomb", {A: FIG("../images/bom.png"), "issues/x/images/bom.png": png(40000, 40000, data=b"\x00")},
     ["error issues/x/articles/a.md 7:1 too large"])
case("35-image-gif", {A: FIG("../images/anh.gif"), "issues/x/images/anh.gif": b"GIF89a" + b"\x00" * 40}, ["error issues/x/articles/a.md 7:1 it is a GIF"])
case("36-image-png-truncated", {A: FIG("../images/cut.png"), "issues/x/images/cut.png": png(8, 8, iend=False)}, ["error issues/x/articles/a.md 7:1 IEND"])
# Text: BOM, CRLF, NUL, not UTF-8, legacy encodings, lint.
case("37-bom-accepted", {A: "\ufeff" + GOOD}, ["none"])
case("38-crlf-positions", {A: "---\r\ntitle: Bài\r\nautor: An\r\n---\r\n\r\nNội dung.\r\n"}, ["error issues/x/articles/a.md 3:1 unknown key 'autor'"])
case("39-nul-byte", {A: (GOOD + "Dòng có \0 ở giữa.\n").encode("utf-8")}, ["error issues/x/articles/a.md 6:9 NUL byte"])
case("40-not-utf8", {A: b"---\ntitle: B\n---\n\nHello \xff\xfe world\n"}, ["error issues/x/articles/a.md 1:1 is not UTF-8 text"])
viet = GOOD.replace("Nội dung bài viết.", "Tiếng Việt là ngôn ngữ của người Việt Nam, có dấu thanh rất đẹp.")
case("41-cp1258", {A: subprocess.run(["iconv", "-f", "UTF-8", "-t", "CP1258"], input=viet.encode(), capture_output=True).stdout},
     ["error issues/x/articles/a.md 1:1 looks like CP1258"])
case("42-tcvn3", {A: subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=viet.encode(), capture_output=True).stdout},
     ["error issues/x/articles/a.md 1:1 looks like TCVN3"])
case("43-viscii", {A: subprocess.run(["iconv", "-f", "UTF-8", "-t", "VISCII"], input=viet.encode(), capture_output=True).stdout},
     ["error issues/x/articles/a.md 1:1 looks like VISCII"])
case("44-vni", {A: b"---\ntitle: B\n---\n\nTie\xe1ng Vie\xe4t la\xf8 ngo\xe2n ngu\xf5 cu\xfba ngu\xf6\xf8i Vie\xe4t Nam.\n"},
     ["error issues/x/articles/a.md 1:1 looks like VNI-Windows"])
case("45-tcvn3-read-as-latin1", {A: article("TiÕng ViÖt cña chóng ta rÊt hay.")}, ["error issues/x/articles/a.md 5:3 looks like TCVN3"])
case("46-tone-before-circumflex", {A: article("Ca\u0301\u0302u sai.")}, ["error issues/x/articles/a.md 5:2 tone was typed before the circumflex"])
case("47-double-tone", {A: article("Thê\u0301\u0300m chữ.")}, ["error issues/x/articles/a.md 5:3 two tone marks"])
case("48-eth-for-d", {A: article("\u00d0ồng Tháp.")}, ["warning issues/x/articles/a.md 5:1 Icelandic eth"])
case("49-nesting-too-deep", {A: article("> " * 30 + "sâu quá")}, ["error issues/x/articles/a.md 5:"])
case("50-unsafe-link", {A: article("Bấm [vào đây](javascript:alert(1)).")}, ["warning issues/x/articles/a.md 5:5 is dropped"])
case("51-raw-html", {A: article("<div>khối</div>")}, ["warning issues/x/articles/a.md 5:1 raw HTML"])
# Layouts and fonts.
case("52-unknown-layout", {I: ISSUE + "layout: a4-hai-cot\n"}, ["error issues/x/issue.yaml 8:9 unknown layout 'a4-hai-cot'"])
case("53-layout-yaml-syntax", {L: "page: { trim: A4\n"}, ["error layouts/a4-two-column.yaml 2:1 YAML syntax error"])
case("54-layout-unknown-key", {L: "page: { trim: A4, colour: red }\n"}, ["error layouts/a4-two-column.yaml 1:19 unknown key 'colour'"])
case("55-layout-bad-unit", {L: "page: { bleed: 3 inch }\n"}, ["error layouts/a4-two-column.yaml 1:16 must be a length"])
case("56-layout-missing-font", {L: "fonts:\n  serif: { regular: KhongCo.ttf }\n"}, ["error layouts/a4-two-column.yaml 2:21 no font file 'KhongCo.ttf'"])
case("57-layout-corrupt-font", {L: "fonts:\n  serif: { regular: Hong.ttf }\n", "fonts/Hong.ttf": b"\x00\x01\x00\x00" + b"garbage" * 10},
     ["error layouts/a4-two-column.yaml 1:1 not a font"])
case("58-style-inherits-itself", {L: "styles:\n  body: { based-on: body }\n"}, ["error layouts/a4-two-column.yaml 2:21 based on itself"])
case("59-unknown-style", {L: "styles:\n  tieu-de: { size: 20pt }\n"}, ["error layouts/a4-two-column.yaml 2:3 unknown style 'tieu-de'"])
case("60-style-cycle", {L: "styles:\n  title: { based-on: subtitle }\n  subtitle: { based-on: title }\n"}, ["error layouts/a4-two-column.yaml 2:22 based on itself (through subtitle → title → subtitle)"])
# Issue 12: addresses, pasted text, limits, editors' slips.
case("61-article-listed-twice", {I: ISSUE.replace("articles: [articles/a.md]", "articles: [articles/a.md, articles/a.md]")},
     ["error issues/x/issue.yaml 7:31 is listed twice"])
case("62-slug-pinned-twice", {I: ISSUE.replace("articles: [articles/a.md]", "articles: [articles/a.md, articles/b.md]"),
                              A: article("Một.", "title: A\nslug: chung"), "issues/x/articles/b.md": article("Hai.", "title: B\nslug: chung")},
     ["error issues/x/issue.yaml 7:31 both ask for the address 'chung'"])
case("63-slug-not-an-address", {A: article("Một.", "title: A\nslug: Tin ngắn")}, ["error issues/x/articles/a.md 3:7 cannot be a page address"])
case("64-title-taken", {I: ISSUE.replace("articles: [articles/a.md]", "articles: [articles/a.md, articles/b.md]"),
                        A: article("Một.", "title: Tin ngắn"), "issues/x/articles/b.md": article("Hai.", "title: Tin ngắn")},
     ["warning issues/x/issue.yaml 7:31 its page is at 'tin-ngan-2'"])
case("65-control-characters", {A: article("Ngắt\x0ctrang và\x0bdòng.", "title: \"Tiêu\\fđề\"")},
     ["warning issues/x/articles/a.md 2:8 control character (U+000C) in this value", "warning issues/x/articles/a.md 5:5 control character (U+000C)",
      "warning issues/x/articles/a.md 5:14 control character (U+000B)"])
case("66-nbsp-run", {A: article(" ".join(["hội thảo chuyển đổi số cấp tỉnh"] * 4).replace(" ", "\u00a0"))},
     ["warning issues/x/articles/a.md 5:1 28 words are joined by non-breaking spaces", "warning issues/x/articles/a.md 5:1 was cut"])
bomb = ISSUE + "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    "l%d: &l%d [%s]\n" % (n, n, ", ".join(["*l%d" % (n - 1)] * 10)) for n in range(1, 7))
case("67-yaml-alias-bomb", {I: bomb}, ["error issues/x/issue.yaml 1:1 more than 100000 values"])
case("68-inline-nesting", {A: article("".join("*m%d " % n for n in range(40)) + " ".join("k%d*" % n for n in range(40)))},
     ["error issues/x/articles/a.md 5: nested more than 32 deep"])
case("69-margins-leave-no-room", {L: "page: { margins: { top: 20mm, bottom: 22mm, inside: 100mm, outside: 90mm } }\n"},
     ["error layouts/a4-two-column.yaml 1:9 column(s) of"])
case("70-empty-issue", {I: "number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nsections: []\n"},
     ["warning issues/x/issue.yaml 5:11 lists no article"])
case("71-unlisted-article", {"issues/x/articles/b.md": article("Quên.")}, ["warning issues/x/articles/b.md 1:1 no section of issue.yaml lists"])
case("72-output-profile-srgb", {L: "print: { output-profile: icc/sRGB.icc }\n"},
     ["error layouts/a4-two-column.yaml 1:26 is a monitor RGB profile"])
case("73-output-profile-not-icc", {L: "print: { output-profile: icc/cua-nha-in.icc }\n",
                                   "layouts/icc/cua-nha-in.icc": "Hồ sơ màu của nhà in (gửi qua thư điện tử)\n"},
     ["error layouts/a4-two-column.yaml 1:26 it is not an ICC profile"])
# Hints an editor can act on: the exact message and what to write instead.
case("74-issue-colon-in-value", {I: ISSUE.replace("title: Tin", "title: Hội nghị: tổng kết năm")},
     [exact("error", I, "6:20", "YAML syntax error: mapping values are not allowed in this context",
            'put the value in quotes: title: "Hội nghị: tổng kết năm"')])
case("75-front-matter-colon-in-value", {A: article("Nội dung.", 'title: Hội thảo "Chuyển đổi số": kết quả')},
     [exact("error", A, "2:32", "YAML syntax error: mapping values are not allowed in this context",
            'put the value in quotes: title: "Hội thảo \\"Chuyển đổi số\\": kết quả"')])
case("76-issue-date-day-first", {I: ISSUE.replace("2025-03-31", "26/12/2024")},
     [exact("error", I, "4:7", "'date' must be written YYYY-MM-DD, not '26/12/2024'", "did you mean 2024-12-26?")])
case("77-front-matter-date-no-such-day", {A: article("Nội dung.", "title: Bài\ndate: 31/04/2025")},
     [exact("error", A, "3:7", "'date' is not a date: April 2025 has 30 days", "the last day of April 2025 is 2025-04-30")])
case("78-issue-date-no-such-month", {I: ISSUE.replace("2025-03-31", "2025-13-01")},
     [exact("error", I, "4:7", "'date' is not a date: there is no month 13", "write YYYY-MM-DD, with the month from 01 to 12")])
case("79-image-path-from-issue-folder", {A: FIG("images/anh.png"), "issues/x/images/anh.png": png(8, 8)},
     [exact("error", A, "7:1", "no image file 'images/anh.png'", "did you mean ../images/anh.png?")])
case("80-image-images-folder-missing", {A: FIG("images/khong-co.jpg")},
     [exact("error", A, "7:1", "no image file 'images/khong-co.jpg'", "did you mean ../images/khong-co.jpg?")])
case("81-layout-decimal-comma-flow", {L: "styles:\n  body: { size: 10,5pt, leading: 13.2pt }\n"},
     [exact("error", L, "2:17", "'size' has a decimal comma: 10,5pt", "use a decimal point: 10.5pt")])
case("82-layout-decimal-comma-block", {L: "page:\n  bleed: 3,5mm\n"},
     [exact("error", L, "2:10", "'bleed' has a decimal comma: 3,5mm", "use a decimal point: 3.5mm")])
print(len(os.listdir(root)), "cases")

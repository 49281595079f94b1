#!/usr/bin/python3
"""Writes the Word files `bantin import` is tested on, into the folder given (Debian's
python3-docx, so the files are made by a real .docx writer from Word's own template):

  unicode.docx   every structure an article has: title, subtitle, headings, nested lists,
                 quote, bold, italic, links, a table, footnotes, line breaks, symbols, and
                 the mess an editor cleans (tổ hợp marks, runs of spaces, empty paragraphs,
                 no-break spaces)
  tcvn3.docx     typed in .VnTime (TCVN3 bytes) with a .VnTimeH title
  vni.docx       typed in VNI-Times
  mixed.docx     legacy (.VnTime, VNI-Times, VPS, VISCII) and Unicode runs in one paragraph,
                 legacy text in the wrong legacy font, and bytes no encoding reads
  figures.docx   two pictures with captions and credits, a table and footnotes
  leftovers.docx tracked changes and a comment, with a text box, a field, a page break and an
                 embedded object: what an import cannot carry over and reports

Usage: make-docx.py OUT_DIR IMAGE1 IMAGE2"""
import sys, os, io, subprocess, unicodedata
import docx
from docx.opc.part import Part
from docx.opc.packuri import PackURI
from docx.opc.constants import RELATIONSHIP_TYPE as RT, CONTENT_TYPE as CT
from docx.oxml import parse_xml
from docx.enum.text import WD_ALIGN_PARAGRAPH

out, image1, image2 = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

# --- Legacy encoders (the inverse of Bantin's tables, written here from the standards) ---
TCVN3 = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB, "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6, "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE, "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9, "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}

def by_tool(command, text):
    """Bytes from a converter Debian has: VPS from GNU recode, VISCII from glibc's iconv."""
    return as_font_text(subprocess.run(command, input=text.encode("utf-8"), capture_output=True, check=True).stdout)

def as_font_text(data):
    """Bytes as Word stores text in a legacy font: each byte's Windows-1252 character."""
    return data.decode("cp1252")

def tcvn3(text, capitals=False):
    """TCVN3 bytes; capitals with tones do not exist, so the H fonts' text is typed lowercase."""
    if capitals:
        text = text.lower()
    return as_font_text(b"".join(bytes([TCVN3[c]]) if c in TCVN3 else c.encode("cp1252") for c in text))

VNI_OWN = {"ơ": 0xF4, "ư": 0xF6, "đ": 0xF1, "í": 0xED, "ì": 0xEC, "ỉ": 0xE6, "ĩ": 0xF3, "ị": 0xF2, "ỵ": 0xEE,
           "Ơ": 0xD4, "Ư": 0xD6, "Đ": 0xD1, "Í": 0xCD, "Ì": 0xCC, "Ỉ": 0xC6, "Ĩ": 0xD3, "Ị": 0xD2, "Ỵ": 0xCE}
VNI_TONE = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
VNI_CIRC = {None: 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3, "\u0323": 0xE4}
VNI_BREVE = {None: 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC, "\u0323": 0xEB}

def vni(text):
    out = bytearray()
    for ch in text:
        if ch in VNI_OWN:
            out.append(VNI_OWN[ch]); continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        if base in "oOuU" and "\u031B" in marks:   # ơ ư with a tone
            out.append(VNI_OWN[unicodedata.normalize("NFC", base + "\u031B")])
            marks = marks.replace("\u031B", "")
            if marks:
                out.append(VNI_TONE[marks] - (0x20 if base.isupper() else 0))
            continue
        if ord(base) > 0x7F:
            out += ch.encode("cp1252")  # Word's curly quotes and dashes: the font's own
            continue
        out.append(ord(base))
        tone = next((m for m in marks if m in VNI_TONE), None)
        if "\u0302" in marks:
            b = VNI_CIRC[tone]
        elif "\u0306" in marks:
            b = VNI_BREVE[tone]
        elif tone:
            b = VNI_TONE[tone]
        else:
            continue
        out.append(b - 0x20 if base.isupper() else b)
    return as_font_text(bytes(out))

# --- Helpers ---
def run(paragraph, text, font=None, bold=False, italic=False):
    r = paragraph.add_run(text)
    if font:
        r.font.name = font
    r.bold = bold or None
    r.italic = italic or None
    return r

def hyperlink(paragraph, text, url):
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    el = parse_xml('<w:hyperlink %s %s r:id="%s"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
                   '<w:t xml:space="preserve">%s</w:t></w:r></w:hyperlink>' % (W, R, rid, text))
    paragraph._p.append(el)

def legacy_run_as_word_writes_it(paragraph, text, font):
    """A legacy-font run as Word stores it: byte 0xAD (TCVN3's 'ư') is a soft hyphen to Word,
    written as <w:softHyphen/> between the run's pieces of text."""
    pieces = '<w:softHyphen/>'.join('<w:t xml:space="preserve">%s</w:t>' % piece for piece in text.split("\xad"))
    paragraph._p.append(parse_xml('<w:r %s><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr>%s</w:r>' % (W, font, font, pieces)))

def line_break(paragraph):
    paragraph.add_run().add_break()

def footnotes(document, notes):
    """A footnotes part (python-docx has no footnote API): notes is a list of texts, ids 1…"""
    body = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for i, text in enumerate(notes, 1):
        body.append('<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                    '<w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote>' % (i, text))
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes %s>%s</w:footnotes>' % (W, "".join(body))
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)

def footnote_ref(paragraph, n):
    paragraph._p.append(parse_xml('<w:r %s><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>' % (W, n)))

def save(document, name):
    document.core_properties.author = "Bantin"
    document.save(os.path.join(out, name))

# --- unicode.docx ---
d = docx.Document()
d.add_heading("Hội thảo khoa học về nông nghiệp tuần hoàn", 0)
d.add_paragraph("Lắng nghe nhà vườn, bàn cách làm mới", style="Subtitle")
p = d.add_paragraph()
run(p, "Sáng ngày 12/3/2025, tại Hội trường Liên hiệp Hội tỉnh, ")
run(p, "Hội Khoa học Nông nghiệp tỉnh", bold=True)
run(p, " đã tổ chức hội thảo ")
run(p, "“Nông nghiệp tuần hoàn – từ mô hình đến chuỗi giá trị”", italic=True)
run(p, ". Hơn 120 đại biểu đã về dự.")
footnote_ref(p, 1)
d.add_paragraph("")
p = d.add_paragraph()
# Unikey's "tổ hợp": letters and marks apart; runs of spaces and a tab; no-break spaces that bind and one that does not.
run(p, unicodedata.normalize("NFD", "Theo TS.\u00a0Lê Minh Khoa, mỗi héc-ta vườn cây"))
run(p, "   cho  khoảng\t25\u00a0tấn phụ phẩm mỗi năm,\u00a0nhưng phần lớn vẫn bị đốt bỏ.")
d.add_heading("Những mô hình đã thành công", 1)
p = d.add_paragraph("Ba mô hình được giới thiệu tại hội thảo gồm:")
d.add_paragraph("ủ phân hữu cơ từ phụ phẩm cây ăn quả;", style="List Bullet")
d.add_paragraph("nuôi trùn quế bằng phân chuồng, trong đó:", style="List Bullet")
d.add_paragraph("trùn quế làm thức ăn cho gà thả vườn;", style="List Bullet 2")
d.add_paragraph("phân trùn bón lại cho vườn bưởi;", style="List Bullet 2")
d.add_paragraph("trồng nấm rơm trên rơm rạ sau thu hoạch.", style="List Bullet")
d.add_heading("Các bước triển khai", 2)
d.add_paragraph("Khảo sát nguồn phụ phẩm tại từng xã.", style="List Number")
d.add_paragraph("Tập huấn cho tổ hợp tác.", style="List Number")
d.add_paragraph("Hỗ trợ máy băm và men vi sinh.", style="List Number")
# A list numbered on the paragraphs themselves (List Paragraph + numPr), as Word writes it.
for level, text in [(0, "Vùng trồng cây ăn quả:"), (1, "bưởi và cam ở Tân Phong;"), (1, "nhãn ở Hòa Bình."), (0, "Vùng trồng lúa.")]:
    p = d.add_paragraph(text, style="List Paragraph")
    p._p.get_or_add_pPr().append(parse_xml('<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="5"/></w:numPr>' % (W, level)))
p = d.add_paragraph("Phần ghi chú ẩn không được in.")
p.runs[0].font.hidden = True
d.add_heading("Ý kiến của nhà vườn", 3)
d.add_paragraph("Làm phân ủ không khó, cái khó là giữ được thói quen làm đều đặn mỗi mùa.", style="Quote")
p = d.add_paragraph()
run(p, "Ông Ba Tâm, chủ vườn bưởi ở xã Tân Phong,")
line_break(p)
run(p, "chia sẻ kinh nghiệm sau ba năm áp dụng.")
line_break(p)
run(p, "Kết quả:")
line_break(p)
run(p, "năng suất tăng 15\u00a0%.")
p = d.add_paragraph()
run(p, "Nhiệt độ đống ủ đạt 60")
p._p.append(parse_xml('<w:r %s><w:sym w:font="Symbol" w:char="F0B0"/></w:r>' % W))
run(p, "C sau ba ngày ")
p._p.append(parse_xml('<w:r %s><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>' % W))
run(p, " đạt yêu cầu ")
p._p.append(parse_xml('<w:r %s><w:sym w:font="Wingdings" w:char="F0B1"/></w:r>' % W))  # no counterpart: reported
run(p, ". Tài liệu xem tại ")
hyperlink(p, "trang của Hội", "https://example.org/tai-lieu?so=3")
run(p, ".")
d.add_paragraph("Bảng 1. Kết quả ủ phân tại ba xã")
t = d.add_table(rows=3, cols=3)
for r, row in enumerate([("Xã", "Số hộ", "Phân ủ (tấn)"), ("Tân Phong", "42", "318,5"), ("Hòa Bình", "27", "196,0")]):
    for c, text in enumerate(row):
        cell = t.cell(r, c).paragraphs[0]
        cell.add_run(text)
        if c > 0 and r > 0:
            cell.alignment = WD_ALIGN_PARAGRAPH.RIGHT
p = d.add_paragraph("Hội thảo khép lại với cam kết nhân rộng mô hình ra 12 xã trong năm 2025.")
footnote_ref(p, 2)
footnotes(d, ["Số liệu của Ban Tổ chức hội thảo.", "Theo kế hoạch của Sở Nông nghiệp và Phát triển nông thôn."])
save(d, "unicode.docx")

# --- tcvn3.docx: .VnTimeH title, .VnTime body ---
d = docx.Document()
style = d.styles["Normal"]
style.font.name = ".VnTime"
p = d.add_paragraph(style="Title")
run(p, tcvn3("Hội nghị tổng kết công tác phản biện", capitals=True), font=".VnTimeH")
p = d.add_paragraph()
run(p, tcvn3("Ngày 20 tháng 12 năm 2024, Hội đồng Tư vấn khoa học của Liên hiệp Hội tỉnh đã tổng kết "))
run(p, tcvn3("mười hai"), bold=True)
run(p, tcvn3(" đề án được phản biện trong năm, trong đó có đề án nâng cấp hồ chứa nước Đồng Mít."))
d.add_heading("", 1).add_run(tcvn3("Những việc cần làm ngay")).font.name = ".VnTime"
p = d.add_paragraph()
run(p, tcvn3("Các chuyên gia đề nghị sớm hoàn thiện quy trình lấy ý kiến ở cơ sở, ưu tiên những dự án ảnh hưởng đến đời sống người dân."))
p = d.add_paragraph()
legacy_run_as_word_writes_it(p, tcvn3("Trường hợp cần thiết, Hội đồng sẽ mời thêm chuyên gia ngoài tỉnh."), ".VnTime")
save(d, "tcvn3.docx")

# --- vni.docx ---
d = docx.Document()
d.styles["Normal"].font.name = "VNI-Times"
p = d.add_paragraph(style="Title")
run(p, vni("Học sinh Bình Lâm đoạt giải sáng tạo"), font="VNI-Times")
p = d.add_paragraph()
run(p, vni("Với đề tài “Thiết bị cảnh báo sớm lũ quét dùng năng lượng mặt trời”, nhóm học sinh Trường THPT Lê Quý Đôn đã giành giải Nhất."))
p = d.add_paragraph()
run(p, vni("Ứng dụng của thiết bị: "), italic=True)
run(p, vni("đo mực nước, gửi tin nhắn và bật còi ở những điểm xung yếu."))
save(d, "vni.docx")

# --- mixed.docx: legacy and Unicode runs in one paragraph ---
d = docx.Document()
d.add_heading("Tọa đàm về chuyển đổi số cấp xã", 0)
p = d.add_paragraph()
run(p, tcvn3("Phát biểu tại tọa đàm, "), font=".VnTime")
run(p, "ông Đặng Văn Hải", font="Times New Roman", bold=True)
run(p, tcvn3(" nhấn mạnh: "), font=".VnTime")
run(p, vni("“Dữ liệu phải đúng, đủ, sạch, sống”"), font="VNI-Times")
run(p, ", đó là yêu cầu số một.", font="Arial")
p = d.add_paragraph()
run(p, "Bộ gõ cũ còn dùng ở ", font="Times New Roman")
# Unicode typed into .VnTime text, in one run (as Word and LibreOffice merge runs of one format).
run(p, "nhiều xã" + tcvn3(" nên cần chuyển sang Unicode."), font=".VnTime")
p = d.add_paragraph()
run(p, "Địa chỉ: ", font="Times New Roman")
run(p, vni("THÀNH PHỐ LÂM GIANG"), font=".VnTime")  # typed for VNI, set in .VnTime: converted as VNI, reported
run(p, "; thư góp ý: ", font="Times New Roman")
run(p, "\u00c0\u00c0 ", font=".VnTime")  # bytes no legacy encoding makes sense of: kept, reported
p = d.add_paragraph()
run(p, by_tool(["recode", "UTF-8..VPS"], "Bản tin gõ bằng phông VPS, "), font="VPS Times")
run(p, by_tool(["iconv", "-f", "UTF-8", "-t", "VISCII"], "đoạn sau bằng phông VISCII."), font="VI Times")
p = d.add_paragraph()
run(p, "Tiếng Việt chuẩn", font=".VnTime")  # Unicode only, in a legacy font: kept, noted
run(p, " cho mọi văn bản.", font="Times New Roman")
save(d, "mixed.docx")

# --- figures.docx: two pictures, captions and credits, a table, footnotes ---
d = docx.Document()
d.add_heading("Ra mắt trạm quan trắc nước sông Lam Giang", 0)
p = d.add_paragraph("Trạm quan trắc tự động đầu tiên của tỉnh đã chính thức đi vào hoạt động")
footnote_ref(p, 1)
run(p, ", gửi số liệu về trung tâm mỗi 15 phút.")
d.add_picture(image1, width=docx.shared.Cm(12))
d.add_paragraph("Ảnh 1. Lễ khánh thành trạm quan trắc. Ảnh: Hoàng Lan", style="Caption")
d.add_paragraph("Trạm đo năm chỉ tiêu: nhiệt độ, độ pH, độ đục, oxy hòa tan và độ dẫn điện.")
d.add_picture(io.BytesIO(open(image2, "rb").read()), width=docx.shared.Cm(12))
pic = d.paragraphs[-1]._p
for el in pic.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"):
    el.set("name", "Picture 2")
d.add_paragraph("Ảnh: Hội Khoa học Môi trường tỉnh")
t = d.add_table(rows=3, cols=2)
for r, row in enumerate([("Chỉ tiêu", "Giá trị trung bình"), ("Độ pH", "7,2"), ("Oxy hòa tan (mg/l)", "6,8")]):
    for c, text in enumerate(row):
        t.cell(r, c).paragraphs[0].add_run(text)
d.add_paragraph("Bảng 1. Số liệu tuần đầu vận hành", style="Caption")
p = d.add_paragraph("Số liệu được công khai trên trang của Sở")
footnote_ref(p, 2)
run(p, ".")
footnotes(d, ["Do Hội Khoa học Môi trường tỉnh thiết kế.", "Cập nhật hằng giờ."])
save(d, "figures.docx")

# --- leftovers.docx: tracked changes, a comment, and what cannot be carried over ---
d = docx.Document()
d.add_heading("Tập huấn kỹ năng viết tin cho hội viên", 0)
p = d.add_paragraph()
run(p, "Lớp tập huấn thu hút ")
p._p.append(parse_xml('<w:del %s w:id="1" w:author="Biên tập" w:date="2025-03-02T08:00:00Z"><w:r><w:delText>gần 40</w:delText></w:r></w:del>' % W))
p._p.append(parse_xml('<w:ins %s w:id="2" w:author="Biên tập" w:date="2025-03-02T08:00:00Z"><w:r><w:t>45</w:t></w:r></w:ins>' % W))
run(p, " học viên")
p._p.append(parse_xml('<w:commentRangeStart %s w:id="0"/>' % W))
run(p, " đến từ các hội thành viên.")
p._p.append(parse_xml('<w:commentRangeEnd %s w:id="0"/>' % W))
p._p.append(parse_xml('<w:r %s><w:commentReference w:id="0"/></w:r>' % W))
comments = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments %s><w:comment w:id="0" w:author="Biên tập" '
            'w:date="2025-03-02T08:00:00Z"><w:p><w:r><w:t>Kiểm tra lại danh sách hội</w:t></w:r></w:p></w:comment></w:comments>' % W)
part = Part(PackURI("/word/comments.xml"), CT.WML_COMMENTS, comments.encode("utf-8"), d.part.package)
d.part.relate_to(part, RT.COMMENTS)
p = d.add_paragraph()
run(p, "Ngày viết: ")
for xml in ['<w:r %s><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r %s><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r>',
            '<w:r %s><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r %s><w:t>02/03/2025</w:t></w:r>', '<w:r %s><w:fldChar w:fldCharType="end"/></w:r>']:
    p._p.append(parse_xml(xml % W))
p = d.add_paragraph()
run(p, "Học viên thực hành viết tin ngắn.")
p._p.append(parse_xml('<w:r %s xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:200pt;height:60pt"><v:textbox>'
                      '<w:txbxContent><w:p><w:r><w:t>Ghi nhớ: viết ngắn, đúng, đủ</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>' % W))
p = d.add_paragraph()
run(p, "Phần thứ hai dành cho ảnh báo chí.")
p.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
p = d.add_paragraph()
p._p.append(parse_xml('<w:r %s xmlns:o="urn:schemas-microsoft-com:office:office"><w:object><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025"/></w:object></w:r>' % W))
d.add_paragraph("Lớp học kết thúc bằng bài kiểm tra cuối khóa.")
save(d, "leftovers.docx")

#!/usr/bin/env python3
"""Writes a synthetic Vietnamese issue for `make bench`: deterministic (seeded), made of real
Vietnamese words in plausible sentences, with headings, lists, quotes, figures, numbers and dates.

    make-issue.py OUT_ROOT ID ARTICLES WORDS_PER_ARTICLE

OUT_ROOT gets issues/publication.yaml and issues/ID/ (issue.yaml, articles/, images/)."""
import os, random, shutil, sys

WORDS = """hội nghị khoa học công nghệ liên hiệp tỉnh huyện xã nông dân hợp tác kỹ thuật sáng tạo
giải pháp ứng dụng nghiên cứu phát triển đổi mới chuyển đổi số dữ liệu cảm biến môi trường nguồn nước
rừng đất đai thủy lợi hồ chứa giống cây trồng vật nuôi sản xuất kinh tế xã hội giáo dục học sinh giáo viên
trường học bệnh viện y tế sức khỏe cộng đồng người dân cán bộ chuyên gia nhà khoa học trí thức hội viên
thành viên ban tổ chức hội đồng đánh giá kết quả nhiệm vụ kế hoạch năm quý tháng ngày đề tài dự án mô hình
hiệu quả chất lượng năng suất thu nhập thị trường doanh nghiệp sản phẩm đặc sản chế biến bảo quản vận chuyển
điện mặt trời năng lượng tiết kiệm an toàn phòng chống thiên tai sạt lở mưa lũ hạn hán cảnh báo sớm
tập huấn hướng dẫn chia sẻ kinh nghiệm phối hợp hỗ trợ đầu tư kinh phí ngân sách nguồn lực con người
vùng cao miền núi đồng bằng ven biển thôn bản phiên chợ thanh toán điện thoại ứng dụng trực tuyến
thông tin truyền thông bản tin tạp chí hội thảo diễn đàn tọa đàm phản biện tư vấn giám định chính sách
quy hoạch đề án chương trình mục tiêu bền vững xanh sạch hữu cơ tuần hoàn chất thải tái chế khí hậu
được đã đang sẽ cũng vẫn rất nhiều những các một hai ba bốn năm sáu và với của cho trong ngoài trên dưới
từ đến khi nếu thì nhưng vì nên để theo tại về như còn hơn nhất mới cùng nhau lại ra vào lên xuống""".split()

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thị Giang", "Vũ Đức Hải",
          "Đặng Thu Hương", "Bùi Văn Khánh", "Đỗ Thị Lan", "Ngô Quang Minh", "Dương Thị Ngọc", "Lý Văn Phúc"]
UNITS = ["km", "ha", "tấn", "đồng", "người", "%", "mm", "kg"]

def sentence(r):
    n = r.randint(9, 24)
    words = [r.choice(WORDS) for _ in range(n)]
    if r.random() < 0.25:
        words.insert(r.randint(1, n - 1), f"{r.randint(2, 999):,}".replace(",", ".") + " " + r.choice(UNITS))
    if r.random() < 0.15:
        words.insert(r.randint(1, n - 1), f"ngày {r.randint(1, 28):02d} tháng {r.randint(1, 12)} năm 2025")
    if r.random() < 0.1:
        words.insert(0, "PGS.TS. " + r.choice(PEOPLE) + " cho biết")
    if r.random() < 0.3:
        words.insert(r.randint(2, len(words) - 1), words.pop(r.randint(2, len(words) - 1)) + ",")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."

def paragraph(r):
    return " ".join(sentence(r) for _ in range(r.randint(3, 7)))

def article(r, n, words, figures):
    out, count, section = [], 0, 1
    title = sentence(r).rstrip(".")
    title = " ".join(title.split()[:r.randint(6, 12)])
    while count < words:
        if count > 0 and count // 300 >= section:
            section += 1
            out.append("## " + " ".join(sentence(r).split()[:r.randint(3, 7)]).rstrip(".,"))
        roll = r.random()
        if roll < 0.06:
            items = [sentence(r) for _ in range(r.randint(3, 5))]
            out.append("\n".join("- " + i for i in items))
        elif roll < 0.09:
            out.append("> " + paragraph(r))
        elif roll < 0.11 and figures:
            image = r.choice(figures)
            out.append(f"![{sentence(r).rstrip('.')}](../images/{image} \"Ảnh: Ban Biên tập\")")
        else:
            p = paragraph(r)
            if r.random() < 0.2:
                w = p.split()
                i = r.randint(0, len(w) - 1)
                w[i] = "**" + w[i] + "**"
                p = " ".join(w)
            out.append(p)
        count += len(out[-1].split())
    front = (f"---\ntitle: \"{title}\"\nauthors: [{r.choice(PEOPLE)}]\ndate: 2025-0{r.randint(1, 3)}-{r.randint(10, 28)}\n"
             f"summary: \"{sentence(r)}\"\ntags: [thử nghiệm]\n---\n\n")
    return front + "\n\n".join(out) + "\n"

def main():
    root, issue_id, articles, words = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    here = os.path.dirname(os.path.abspath(__file__))
    sample = os.path.join(here, "..", "..", "issues")
    issue = os.path.join(root, "issues", issue_id)
    os.makedirs(os.path.join(issue, "articles"), exist_ok=True)
    os.makedirs(os.path.join(issue, "images"), exist_ok=True)
    shutil.copy(os.path.join(sample, "publication.yaml"), os.path.join(root, "issues", "publication.yaml"))
    figures = ["hoi-nghi.jpg", "nha-mang.jpg", "hoc-sinh.jpg", "giai-thuong.png"]
    for f in figures + ["cover.jpg"]:
        shutil.copy(os.path.join(sample, "2025-q1", "images", f), os.path.join(issue, "images", f))
    r = random.Random(issue_id)
    names = []
    for n in range(1, articles + 1):
        name = f"{n:03d}.md"
        names.append(name)
        with open(os.path.join(issue, "articles", name), "w", encoding="utf-8") as f:
            f.write(article(r, n, words, figures))
    sections = [names[i:i + 6] for i in range(0, len(names), 6)]
    with open(os.path.join(issue, "issue.yaml"), "w", encoding="utf-8") as f:
        f.write("number: 1\nyear: 2025\nquarter: 1\ndate: 2025-03-31\nlayout: a4-two-column\n")
        f.write("cover: { image: images/cover.jpg, headline: Số thử nghiệm hiệu năng }\nsections:\n")
        for i, s in enumerate(sections):
            f.write(f"  - title: Chuyên mục {i + 1}\n    articles: [{', '.join('articles/' + n for n in s)}]\n")

main()

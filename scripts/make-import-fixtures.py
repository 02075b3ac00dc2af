#!/usr/bin/env python3
"""Regenerates the document fixtures in Tests/DocumentReadersTests/Fixtures (CI does not run this).

Needs LibreOffice (apt-get install libreoffice-writer) and a CJK font (fonts-wqy-zenhei):
- <sample>.docx and <sample>.pdf: each bundled sample, one paragraph per line, converted by LibreOffice;
- jinshan-2026-autonumbered.docx: jinshan-2026 with its 一、 and (一) drawn by Word's list numbering;
- task-table.docx: a plan whose measures sit in a 任务分工 table (its text twin is task-table.txt);
- encrypted.pdf (password "secret") and scanned.pdf (a page with no text layer), for the refusals.
"""
import os, re, shutil, subprocess, tempfile, zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "Sources/duban/Samples")
OUT = os.path.join(ROOT, "Tests/DocumentReadersTests/Fixtures")
NAMES = ["jiading-2026", "jiading-2024", "minhang-2026", "jinshan-2026", "xuhui-2026"]

def soffice(src, fmt, outdir, infilter=None):
    cmd = ["soffice", "--headless"] + (["--infilter=" + infilter] if infilter else []) + ["--convert-to", fmt, "--outdir", outdir, src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def package(path, body, numbering=None):
    """A minimal .docx: document.xml with `body`, and numbering.xml when given."""
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '</Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
             '</Types>')
    root = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root)
        z.writestr("word/_rels/document.xml.rels", rels)
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
        z.writestr("word/numbering.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>{numbering or ""}</w:numbering>')

def paragraph(text, num=None):
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>' if num else ""
    # Text split over two runs, as Word often does.
    half = len(text) // 2
    runs = "".join(f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>' for part in (text[:half], text[half:]) if part)
    return f"<w:p>{ppr}{runs}</w:p>"

def autonumbered():
    """jinshan-2026 with 一、 (chineseCounting "%1、") and (一) (chineseCounting "(%1)") from numbering.xml."""
    lines = open(os.path.join(SAMPLES, "jinshan-2026.txt"), encoding="utf-8").read().split("\n")
    body = []
    started = False
    for line in lines:
        m1 = re.match(r"^[一二三四五六七八九十]+、(.*)$", line)
        m2 = re.match(r"^\([一二三四五六七八九十]+\)(.*)$", line)
        started = started or bool(m1)
        if started and m1:
            body.append(paragraph(m1.group(1), (1, 0)))
        elif started and m2:
            body.append(paragraph(m2.group(1), (1, 1)))
        else:
            body.append(paragraph(line))
    numbering = ('<w:abstractNum w:abstractNumId="0">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/><w:suff w:val="nothing"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    package(os.path.join(OUT, "jinshan-2026-autonumbered.docx"), "".join(body), numbering)

TABLE = [
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "推行企业开办全程网办，压减开办时间。", "区市场监管局", "区税务局、区人社局", "2026年6月底"],
    ["2", "深化工程建设项目审批制度改革。", "区建管委", "区规划资源局", "2026年9月底"],
    ["3", "完善惠企政策“免申即享”机制。", "区发展改革委", "区财政局、各街镇", "2026年12月底"],
]

def task_table():
    """A plan with a heading, a sentence and its measures in a 任务分工 table; its text twin uses a markdown table."""
    head = ["某某区营商环境重点任务分工方案（2026年）", "一、重点任务", "为落实年度目标，明确任务分工如下。"]
    rows = "".join("<w:tr>" + "".join(f"<w:tc>{paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in TABLE)
    package(os.path.join(OUT, "task-table.docx"), "".join(paragraph(t) for t in head) + f"<w:tbl>{rows}</w:tbl>")
    with open(os.path.join(OUT, "task-table.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(head) + "\n")
        f.write("\n".join("| " + " | ".join(row) + " |" + ("\n|" + " --- |" * len(row) if i == 0 else "") for i, row in enumerate(TABLE)) + "\n")

def refusals(tmp):
    src = os.path.join(tmp, "encrypted.txt")
    with open(src, "w", encoding="utf-8") as f:
        f.write("一、测试\n1. 测试。\n")
    soffice(src, 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"secret"}}', OUT, infilter="Text (encoded):UTF8,LF,,,")
    # One blank A4 page drawn with a rectangle and no text: what a scan without OCR gives pdftotext.
    stream = b"0 0 1 rg 100 100 200 200 re f"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(os.path.join(OUT, "scanned.pdf"), "wb") as f:
        f.write(out)

def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in NAMES:
            src = os.path.join(tmp, name + ".txt")
            shutil.copy(os.path.join(SAMPLES, name + ".txt"), src)
            soffice(src, "docx:MS Word 2007 XML", tmp, infilter="Text (encoded):UTF8,LF,,,")
            soffice(os.path.join(tmp, name + ".docx"), "pdf", tmp)
            for ext in ("docx", "pdf"):
                shutil.copy(os.path.join(tmp, f"{name}.{ext}"), os.path.join(OUT, f"{name}.{ext}"))
        refusals(tmp)
    autonumbered()
    task_table()

if __name__ == "__main__":
    main()

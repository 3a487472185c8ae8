#!/usr/bin/env python3
"""make_seeds.py — writes the hand-made seed inputs of the OOXML fuzz
targets (doctable_docx, doctable_xlsx, docx_md, doctext) into
tests/fuzz/corpus/<target>/: small valid DOCX/XLSX packages (fed as the
uploaded file) and the NUL-separated XML parts each target packs itself
(see the target's header comment).  Deterministic (fixed member dates), so
rerunning it changes nothing:

    python3 tests/fuzz/make_seeds.py
"""
import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
      'openxmlformats.org/package/2006/content-types"><Default Extension='
      '"xml" ContentType="application/xml"/></Types>')


def pkg(parts):
    """A ZIP (deflated, fixed dates) of (name, text) pairs, as bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", CT)] + parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)
    return out.getvalue()


def para(t, style=None, num=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += '<w:pStyle w:val="%s"/>' % style
        if num:
            ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % num
        ppr += "</w:pPr>"
    return "<w:p>%s<w:r><w:t>%s</w:t></w:r></w:p>" % (ppr, t)


def cell(t, pr=""):
    return "<w:tc>%s%s</w:tc>" % ("<w:tcPr>%s</w:tcPr>" % pr if pr else "", para(t))


def doc(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            "<w:document %s><w:body>%s</w:body></w:document>" % (W, body))


REPORT_TABLE = (
    "<w:tbl>"
    "<w:tr>" + cell("三、本年度办理结果", '<w:vMerge w:val="restart"/>')
    + cell("（一）予以公开", '<w:gridSpan w:val="2"/>') + cell("4") + cell("") + "</w:tr>"
    "<w:tr>" + cell("", "<w:vMerge/>") + cell("（二）部分公开") + cell("0") + cell("1")
    + "</w:tr></w:tbl>")

DOCX_PLAIN = doc(para("2021年某局政府信息公开工作年度报告", "Title")
                 + para("一、总体情况") + REPORT_TABLE + para("六、其他"))
# A table drawn in a text box, with the VML fallback copy.
DOCX_TEXTBOX = doc(
    '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.'
    'org/markup-compatibility/2006"><mc:Choice><w:drawing><w:txbxContent>'
    + para("二、主动公开") + REPORT_TABLE + "</w:txbxContent></w:drawing>"
    "</mc:Choice><mc:Fallback><w:pict><w:txbxContent>" + para("二、主动公开")
    + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")
# A layout table: the report in one big cell.
DOCX_LAYOUT = doc("<w:tbl><w:tr><w:tc>" + para("四、复议诉讼") + REPORT_TABLE
                  + "</w:tc></w:tr></w:tbl>")
STYLES = ("<w:styles %s><w:style w:type=\"paragraph\" w:styleId=\"Title\">"
          "<w:name w:val=\"Title\"/></w:style><w:style w:type=\"paragraph\" "
          "w:styleId=\"H1\"><w:name w:val=\"heading 1\"/><w:pPr><w:outlineLvl "
          "w:val=\"0\"/></w:pPr></w:style></w:styles>" % W)
NUMBERING = ("<w:numbering %s><w:abstractNum w:abstractNumId=\"0\"><w:lvl "
             "w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl><w:lvl "
             "w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
             "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
             "</w:numbering>" % W)
DOCX_MD = doc(para("通知", "Title") + para("一、背景", "H1")
              + para("第一条", num=(0, 1)) + para("要点", num=(1, 1))
              + '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>加粗</w:t></w:r>'
              '<w:ins w:id="1"><w:r><w:t>插入</w:t></w:r></w:ins>'
              '<w:del w:id="2"><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>'
              + REPORT_TABLE)
COMMENTS = ('<w:comments %s><w:comment w:id="0" w:author="张三">'
            "%s</w:comment></w:comments>" % (W, para("身份证号待核")))
ENTITY = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
          '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
          + doc(para("&b;"))[len('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'):])

WORKBOOK = ("<workbook %s><sheets><sheet name=\"表一\" sheetId=\"1\"/>"
            "<sheet name=\"隐藏\" sheetId=\"2\" state=\"hidden\"/></sheets>"
            "</workbook>" % S)
SST = ("<sst %s><si><t>一、本年新收</t></si><si><r><t>二、上年</t></r><r>"
       "<t>结转</t></r><rPh><t>ふりがな</t></rPh></si><si><t>&amp;&lt;&#x4E00;</t>"
       "</si></sst>" % S)
SHEET = ("<worksheet %s><sheetData>"
         "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>三、收到和处理</t></is></c></row>"
         "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"D2\"><v>5</v></c>"
         "<c r=\"F2\"><v>12.349999999999999</v></c></row>"
         "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"D3\"><v>4.9999999999999996E-2</v></c>"
         "<c r=\"E3\" t=\"s\"><v>2</v></c><c r=\"F3\"><v>1</v></c></row>"
         "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"B2:C2\"/>"
         "<mergeCell ref=\"B3:C3\"/></mergeCells></worksheet>" % S)
SHEET2 = ("<worksheet %s><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
          "<c r=\"BL20000\"><v>2</v></c></row></sheetData><mergeCells>"
          "<mergeCell ref=\"A1:BL3\"/></mergeCells></worksheet>" % S)
XL_COMMENTS = ("<comments %s><commentList><comment ref=\"A1\"><text><t>备注"
               "</t></text></comment></commentList></comments>" % S)


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def main():
    nul = "\0"
    # doctable_docx: packages, and document.xml alone
    write("doctable_docx", "table.docx", pkg([("word/document.xml", DOCX_PLAIN)]))
    write("doctable_docx", "textbox.docx", pkg([("word/document.xml", DOCX_TEXTBOX)]))
    write("doctable_docx", "entity.docx", pkg([("word/document.xml", ENTITY)]))
    write("doctable_docx", "table.xml", DOCX_PLAIN)
    write("doctable_docx", "layout.xml", DOCX_LAYOUT)
    write("doctable_docx", "textbox.xml", DOCX_TEXTBOX)
    # doctable_xlsx: workbooks, and SHEET1 \0 SST \0 SHEET2
    wb = [("xl/workbook.xml", WORKBOOK), ("xl/sharedStrings.xml", SST)]
    write("doctable_xlsx", "merge.xlsx", pkg(wb + [("xl/worksheets/sheet1.xml", SHEET)]))
    write("doctable_xlsx", "two_sheets.xlsx",
          pkg(wb + [("xl/worksheets/sheet1.xml", SHEET),
                    ("xl/worksheets/sheet2.xml", SHEET2)]))
    write("doctable_xlsx", "merge.parts", SHEET + nul + SST)
    write("doctable_xlsx", "wide.parts", SHEET2 + nul + SST + nul + SHEET)
    # docx_md: packages, and DOCUMENT \0 STYLES \0 NUMBERING
    write("docx_md", "lists.docx",
          pkg([("word/document.xml", DOCX_MD), ("word/styles.xml", STYLES),
               ("word/numbering.xml", NUMBERING)]))
    write("docx_md", "lists.parts", DOCX_MD + nul + STYLES + nul + NUMBERING)
    write("docx_md", "table.parts", DOCX_PLAIN + nul + STYLES)
    # doctext: first byte D (even: DOCX) or X (odd: XLSX), then the rest
    write("doctext", "docx_comments",
          "D" + DOCX_MD + nul + COMMENTS)
    write("doctext", "docx_pkg",
          b"D" + pkg([("word/document.xml", DOCX_MD), ("word/comments.xml", COMMENTS)]))
    # A Word part saved in UTF-16 (with its byte-order mark): a package
    # only, as the parts are NUL-separated.
    utf16 = DOCX_MD.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    write("doctext", "docx_utf16_pkg",
          b"D" + pkg([("word/document.xml", b"\xff\xfe" + utf16.encode("utf-16-le")),
                      ("word/comments.xml", COMMENTS.encode("utf-16-be"))]))
    write("doctext", "xlsx_parts",
          "Y" + WORKBOOK + nul + SST + nul + SHEET + nul + XL_COMMENTS)
    write("doctext", "xlsx_pkg",
          b"Y" + pkg(wb + [("xl/worksheets/sheet1.xml", SHEET),
                           ("xl/comments1.xml", XL_COMMENTS)]))


if __name__ == "__main__":
    main()

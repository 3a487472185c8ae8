#!/bin/sh
# report_pdf_blanks.sh — `gongkai report check` places the numbers of a PDF
# table under their columns (lib/pdf_words.c), so a blank cell is read as
# blank ("not stated") in its own column instead of the numbers after it
# moving left.  The PDF is made here: the demo's published 2024 report
# with six cells blanked in its snapshot (table 二 规章·本年制发; table 三
# 一·商业企业 and 一·科研机构 side by side, 三（一）予以公开·自然人 the
# first column, 四·总计 the last; table 四 行政诉讼·未经复议直接起诉·结果纠正
# in the middle of its one row of fifteen), exported to DOCX by
# `gongkai report export` and converted by LibreOffice, as
# tests/cli/test_report_docx.sh does.  Expected, worked out from the
# blanked cells and the format's rules: exit 0, no violation, exactly the
# eight rules that touch a blank cell reported as not checkable, naming
# those cells; the same findings as the DOCX, which is read by its table
# structure; --strict fails.  Run from the repository root; GONGKAI_BIN
# names the binary (default ./gongkai).  SKIP without libreoffice or
# pdftotext; ends with "N passed, N failed"; exit 1 on any failure.
GK=${GONGKAI_BIN:-${GONGKAI:-./gongkai}}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

if ! command -v libreoffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "SKIP report_pdf_blanks: libreoffice or pdftotext not installed"
  echo "0 passed, 0 failed"
  exit 0
fi
export GONGKAI_KEY=0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f
"$GK" init --db "$TMP/gk.db" >/dev/null 2>&1 || { echo "FAIL init"; exit 1; }
"$GK" demo --db "$TMP/gk.db" >/dev/null 2>&1 || { echo "FAIL demo"; exit 1; }

python3 - "$TMP/gk.db" <<'PY' || { echo "FAIL blanking the snapshot"; exit 1; }
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rid, snap = db.execute("SELECT id, snapshot FROM report WHERE year=2024 AND status='published'").fetchone()
j = json.loads(snap)
t = j["tables"]
t["t2_art20_1"]["regulations"]["made"] = None
t["t3"]["new"]["commercial"] = None
t["t3"]["new"]["research"] = None
t["t3"]["results.granted"]["natural_person"] = None
t["t3"]["carry_out"]["total"] = None
t["t4"]["cases"]["lit_direct.corrected"] = None
db.execute("UPDATE report SET snapshot=? WHERE id=?", (json.dumps(j, ensure_ascii=False), rid))
db.commit()
PY

if "$GK" report export --db "$TMP/gk.db" --org znwsj --year 2024 --format docx \
    --out "$TMP/r.docx"; then ok; else bad "export"; fi
mkdir -p "$TMP/lohome"
if HOME="$TMP/lohome" timeout 180 libreoffice --headless --convert-to pdf \
    --outdir "$TMP" "$TMP/r.docx" >/dev/null 2>&1 && [ -s "$TMP/r.pdf" ]; then ok
else bad "libreoffice could not convert the DOCX"; echo "$pass passed, $fail failed"; exit 1; fi

"$GK" report check "$TMP/r.pdf" >"$TMP/pdf.out" 2>&1
rc=$?
if [ $rc -eq 0 ]; then ok; else bad "pdf check exit $rc"; sed 's/^/  | /' "$TMP/pdf.out"; fi
for l in "文件：PDF" \
  "空白 R1[commercial]：商业企业列：一 为空，无法核对" \
  "空白 R1[research]：科研机构列：一 为空，无法核对" \
  "空白 R2[new]：一行：商业企业、科研机构 为空，无法核对" \
  "空白 R2[results.granted]：三（一）予以公开行：自然人 为空，无法核对" \
  "空白 R3[natural_person]：自然人列：三（一）予以公开 为空，无法核对" \
  "空白 R1[total]：总计列：四 为空，无法核对" \
  "空白 R2[carry_out]：四行：总计 为空，无法核对" \
  "空白 R4[lit_direct]：行政诉讼·未经复议直接起诉：结果纠正 为空，无法核对" \
  "结果：违反 0 处，警告 0 处，空白无法核对 8 处，已接受 0 处"; do
  if grep -qF -- "$l" "$TMP/pdf.out"; then ok; else bad "pdf check lacks: $l"; fi
done
# No row guessed or given up: every row was read in its columns.
if grep -qE "无法按|读作|读法" "$TMP/pdf.out"; then
  bad "a row was not read in its columns"; grep -E "无法按|读作|读法" "$TMP/pdf.out" | sed 's/^/  | /'
else ok; fi
# The same findings as the DOCX of the same report.
"$GK" report check "$TMP/r.docx" >"$TMP/docx.out" 2>&1
grep -E "^(违反|警告|空白|已接受|结果)" "$TMP/pdf.out" >"$TMP/pdf.f"
grep -E "^(违反|警告|空白|已接受|结果)" "$TMP/docx.out" >"$TMP/docx.f"
if cmp -s "$TMP/pdf.f" "$TMP/docx.f"; then ok
else bad "pdf and docx findings differ"; diff "$TMP/docx.f" "$TMP/pdf.f" | sed 's/^/  | /'; fi
# --strict: blank cells fail.
"$GK" report check "$TMP/r.pdf" --strict >/dev/null 2>&1
if [ $? -eq 1 ]; then ok; else bad "--strict with blank cells did not fail"; fi

# A real report with many blank cells (上海市政府办公厅 2019, the corpus's
# saved web page; two of its organisation columns are blank in every row
# of table 三, so only the header places them) converted to PDF by
# LibreOffice: no rule broken, as read by hand (MANIFEST.tsv), and every
# blank the web page's check reports is reported for the PDF too, in the
# same columns — except the two rows whose label wraps on three lines
# around its numbers (三（二）部分公开, 三（四）2.), which are not found in
# the PDF's text and so stay blank (never misread).
cp tests/fixtures/report/real/sh_bgt_2019.html "$TMP/sh.html"
if HOME="$TMP/lohome" timeout 180 libreoffice --headless \
    --convert-to 'pdf:writer_web_pdf_Export' --outdir "$TMP" "$TMP/sh.html" \
    >/dev/null 2>&1 && [ -s "$TMP/sh.pdf" ]; then ok
else bad "libreoffice could not convert the web page"; fi
"$GK" report check "$TMP/sh.pdf" >"$TMP/shp.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -qF "结果：违反 0 处，警告 0 处" "$TMP/shp.out"; then ok
else bad "sh pdf: exit $rc"; grep -E "^(违反|结果)" "$TMP/shp.out" | sed 's/^/  | /'; fi
"$GK" report check "$TMP/sh.html" >"$TMP/shh.out" 2>&1
grep -E "^空白" "$TMP/shh.out" | grep -vE 'R2\[results\.partial\]|needs_creation|R3\[(natural_person|commercial)\]' >"$TMP/shh.f"
n=$(wc -l <"$TMP/shh.f")
if [ "$n" -ge 30 ]; then ok; else bad "sh html: only $n blank findings"; fi
missing=0
while IFS= read -r l; do
  grep -qxF -- "$l" "$TMP/shp.out" || { echo "  pdf lacks: $l"; missing=1; }
done <"$TMP/shh.f"
if [ $missing -eq 0 ]; then ok; else bad "sh pdf blanks differ from the web page's"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

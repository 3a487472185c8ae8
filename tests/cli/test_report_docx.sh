#!/bin/sh
# test_report_docx.sh — the annual report exported by `gongkai report
# export` opens in LibreOffice (DOCX converted to PDF, its text holding
# every table label of the 2021 format), the XLSX passes `unzip -t` and
# holds the labels, and show/export refuse bad input.  Run from the
# repository root; GONGKAI_BIN names the binary (default ./gongkai).
# Prints SKIP lines for what cannot run here (no libreoffice / pdftotext)
# and ends with "N passed, N failed"; exit 1 on any failure.
GK=${GONGKAI_BIN:-${GONGKAI:-./gongkai}}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

export GONGKAI_KEY=0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f
"$GK" init --db "$TMP/gk.db" >/dev/null 2>&1 || { echo "FAIL init"; exit 1; }
"$GK" demo --db "$TMP/gk.db" >/dev/null 2>&1 || { echo "FAIL demo"; exit 1; }

# Every row and column label of the 2021 format's tables.
LABELS="第二十条第（一）项
第二十条第（五）项
第二十条第（六）项
第二十条第（八）项
规章
行政规范性文件
本年制发件数
本年废止件数
现行有效件数
行政许可
行政处罚
行政强制
行政事业性收费
一、本年新收政府信息公开申请数量
二、上年结转政府信息公开申请数量
三、本年度办理结果
（一）予以公开
（三）不予公开
1.属于国家秘密
8.属于行政查询事项
（四）无法提供
（五）不予处理
（六）其他处理
3.其他
（七）总计
四、结转下年度继续办理
自然人
法人或其他组织
商业企业
科研机构
社会公益组织
法律服务机构
行政复议
行政诉讼
未经复议直接起诉
复议后起诉
结果维持
结果纠正
其他结果
尚未审结
一、总体情况
五、存在的主要问题及改进情况
六、其他需要报告的事项"

for scope in "" "--subtree"; do
  n=docx$scope
  if "$GK" report export --db "$TMP/gk.db" --org znwsj --year 2024 $scope \
      --format docx --out "$TMP/r$scope.docx"; then ok; else bad "$n export"; fi
  if unzip -t "$TMP/r$scope.docx" >/dev/null 2>&1; then ok; else bad "$n unzip"; fi
  if "$GK" report export --db "$TMP/gk.db" --org znwsj --year 2024 $scope \
      --format xlsx --out "$TMP/r$scope.xlsx"; then ok; else bad "xlsx$scope export"; fi
  if unzip -t "$TMP/r$scope.xlsx" >/dev/null 2>&1; then ok; else bad "xlsx$scope unzip"; fi
  unzip -p "$TMP/r$scope.xlsx" xl/sharedStrings.xml >"$TMP/strings.xml" 2>/dev/null
  missing=0
  echo "$LABELS" | while IFS= read -r l; do
    case "$l" in 一、总体情况|五、*|六、*) continue ;; esac
    grep -qF -- "$l" "$TMP/strings.xml" || { echo "  xlsx lacks $l"; exit 1; }
  done || missing=1
  if [ $missing -eq 0 ]; then ok; else bad "xlsx$scope labels"; fi
done

if command -v libreoffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  mkdir -p "$TMP/pdf" "$TMP/lohome"
  if HOME="$TMP/lohome" timeout 180 libreoffice --headless --convert-to pdf \
      --outdir "$TMP/pdf" "$TMP/r.docx" >/dev/null 2>&1 && [ -s "$TMP/pdf/r.pdf" ]; then
    ok
    pdftotext "$TMP/pdf/r.pdf" "$TMP/r.txt"
    # pdftotext may break long labels across lines: compare without white space.
    tr -d ' \n\t' <"$TMP/r.txt" >"$TMP/r.flat"
    missing=0
    echo "$LABELS" | while IFS= read -r l; do
      grep -qF -- "$l" "$TMP/r.flat" || { echo "  pdf lacks $l"; exit 1; }
    done || missing=1
    if [ $missing -eq 0 ]; then ok; else bad "docx labels in pdf text"; fi
    if grep -qF "2024年，本局认真贯彻落实" "$TMP/r.flat"; then ok; else bad "narrative in pdf"; fi
    # The PDF reads back whole: table 三 runs onto the next page under its
    # repeated header, every cell is read, and the published report's rules,
    # year and text-against-table checks hold.
    "$GK" report check "$TMP/pdf/r.pdf" >"$TMP/chk" 2>&1
    if [ $? -eq 0 ] && grep -qF "文件：PDF" "$TMP/chk" &&
       grep -qF "结果：违反 0 处，警告 0 处，空白无法核对 0 处" "$TMP/chk"; then ok
    else bad "the report's PDF does not read back whole"; sed 's/^/  | /' "$TMP/chk" | head; fi
  else
    bad "libreoffice could not convert the DOCX"
  fi
else
  echo "SKIP docx→pdf: libreoffice or pdftotext not installed"
fi

# Bad input: exit status != 0 with a message.
if "$GK" report export --db "$TMP/gk.db" --org znwsj --year 2024 --format pdf \
    --out "$TMP/x" 2>"$TMP/err"; then bad "pdf format accepted"; else ok; fi
if "$GK" report show --db "$TMP/gk.db" --org nowhere --year 2024 >/dev/null 2>&1; then
  bad "unknown org accepted"; else ok; fi
if "$GK" report show --db "$TMP/gk.db" --org znwsj --year x >/dev/null 2>&1; then
  bad "bad year accepted"; else ok; fi
# show --format csv: the 2024 bureau line for 一·总计 equals the JSON.
want=$("$GK" report show --db "$TMP/gk.db" --org znwsj --year 2024 |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["tables"]["t3"]["new"]["total"])')
got=$("$GK" report show --db "$TMP/gk.db" --org znwsj --year 2024 --format csv |
  grep '^t3,new,total,' | tr -d '\r' | awk -F, '{print $6}')
if [ -n "$want" ] && [ "$want" = "$got" ]; then ok; else bad "csv $got != json $want"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

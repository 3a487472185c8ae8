#!/bin/sh
# report_check.sh — black-box tests of `gongkai report check`.
# Run from the repository root; GONGKAI_BIN (or GONGKAI) names the binary
# (default ./gongkai).
# Prints one line per failure and ends with "N passed, N failed"; exit 1 on
# any failure.
GK=${GONGKAI_BIN:-${GONGKAI:-./gongkai}}
FX=tests/fixtures/report
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

# expect NAME WANT_STATUS WANT_TEXT CMD... — runs CMD, compares the exit
# status and looks for WANT_TEXT (may be empty) in stdout+stderr.
expect() {
  name=$1 want=$2 text=$3
  shift 3
  "$@" >"$TMP/out" 2>&1
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; sed 's/^/  | /' "$TMP/out"
    fail=$((fail + 1)); return
  fi
  if [ -n "$text" ] && ! grep -qF -- "$text" "$TMP/out"; then
    echo "FAIL $name: output lacks '$text'"; sed 's/^/  | /' "$TMP/out"
    fail=$((fail + 1)); return
  fi
  pass=$((pass + 1))
}

# seed 001's text says 行政许可处理决定数量 203 件 while its table 二 says 0
expect seed001_text 1 "格式：2019" $GK report check $FX/seed001_yanchi_2020.txt
expect seed001_text_vs_table 1 "违反 文字与表格：正文“行政许可处理决定数量 203 件”写203件，表二 第二十条第（五）项 行政许可 处理决定数量为0" \
  $GK report check $FX/seed001_yanchi_2020.txt
expect seed001_org 1 "单位：盐池县卫生健康局  年度：2020" \
  $GK report check $FX/seed001_yanchi_2020.txt
expect seed004_stat 0 "格式：stat2018" $GK report check $FX/seed004_yinzhou_2018.txt
expect seed004_blank_warning 0 "空白 S3：三（三）申请答复数 为空，无法核对" \
  $GK report check $FX/seed004_yinzhou_2018.txt
expect seed004_strict 1 "空白无法核对 3 处" \
  $GK report check --strict $FX/seed004_yinzhou_2018.txt
expect json_2021_pass 0 "结果：违反 0 处，警告 0 处，空白无法核对 0 处" \
  $GK report check $FX/2021_pass.json
expect json_with_prev 0 "格式：2021" \
  $GK report check $FX/2021_pass.json --prev $FX/2021_prev.json

sed 's/"review.total": 2/"review.total": 3/' $FX/2021_pass.json >"$TMP/r4.json"
expect json_rule_broken 1 "违反 R4[review]：行政复议：总计(3)，但" \
  $GK report check "$TMP/r4.json"
expect stdin_json 1 "违反 R4[review]" sh -c "$GK report check - <'$TMP/r4.json'"

sed 's/"natural_person": 1,/"natural_person": 2,/' $FX/2021_prev.json \
  | sed 's/"total": 1$/"total": 2/' >"$TMP/prev.json"
expect cross_year_broken 1 "违反 R6[natural_person]：自然人列：二(1)，但 上年四(2)" \
  $GK report check $FX/2021_pass.json --prev "$TMP/prev.json"

sed 's/"natural_person": 5,/"natural_person": null,/' $FX/2021_pass.json \
  >"$TMP/blank.json"
expect json_blank_warns 0 "空白 R1[natural_person]" \
  $GK report check "$TMP/blank.json"
expect json_blank_strict 1 "空白" $GK report check --strict "$TMP/blank.json"

expect text_run_together 0 "唯一拆分为 9、1、0、0、0、0、10" \
  $GK report check $FX/2021_runtogether.txt
expect text_ambiguous 0 "有2种读法" $GK report check $FX/2021_ambiguous.txt
expect text_other_single 0 "以单行给出" $GK report check $FX/2021_other_single.txt

sed 's/^一、本年新收政府信息公开申请数量\t11/一、本年新收政府信息公开申请数量\t12/' \
  $FX/2021_text.txt >"$TMP/broken.txt"
expect text_rule_broken 1 "违反 R2[new]：一行：总计(14)，但" \
  $GK report check "$TMP/broken.txt"

expect missing_file 2 "无法打开文件" $GK report check "$TMP/nope.json"
printf '{"format":"2021",' >"$TMP/bad.json"
expect bad_json 2 "JSON 格式错误" $GK report check "$TMP/bad.json"
printf '只有一段文字。\n' >"$TMP/prose.txt"
expect prose_text 2 "无法识别报告格式" $GK report check "$TMP/prose.txt"
expect unknown_format 2 "未知的报告格式：1999" \
  $GK report check --format 1999 $FX/2021_pass.json
expect no_file 2 "expected one FILE" $GK report check
expect bad_option 2 "unknown option --frob" $GK report check --frob x
expect no_subcommand 2 "subcommands:" $GK report
expect unknown_subcommand 2 "unknown subcommand 'frob'" $GK report frob
# the format must fit the year: a 2019-format table (本年新制作数量 and
# 其他对外管理服务事项 exist only there) presented as a 2022 report
printf '2022年某局政府信息公开工作年度报告\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n其他对外管理服务事项\t0\t0\t0\n' >"$TMP/t2019as2022.txt"
expect format_2019_as_2022 1 "违反 年度格式：2022年度的报告应使用中华人民共和国政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）" \
  $GK report check "$TMP/t2019as2022.txt"
# the 2021 table with its fee row （六）2 in a 2020 report
printf '2020年某局政府信息公开工作年度报告\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n' >"$TMP/fee2020.txt"
expect fee_row_in_2020 1 "（六）2“逾期未按收费通知要求缴纳费用”行自2021年度报告起才有" \
  $GK report check "$TMP/fee2020.txt"
# file kinds from the content, not the name
cp tests/fixtures/report/real/sh_bgt_2019.html "$TMP/report.pdf"
expect kind_from_content 0 "文件：网页（HTML）" $GK report check "$TMP/report.pdf"
printf '\320\317\021\340\000\000' >"$TMP/old.doc"
expect old_doc_refused 2 "旧版 Word/Excel 文件" $GK report check "$TMP/old.doc"
expect json_output 1 '"severity": "violation"' \
  $GK report check --json $FX/seed001_yanchi_2020.txt
expect json_output_key 1 '"key": "文字与表格"' \
  $GK report check --json $FX/seed001_yanchi_2020.txt
expect help 0 "Exit status" $GK report check --help
expect listed 0 "report" $GK help

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# app_clock.sh — black-box tests of `gongkai applications clock` (the
# answer clock from the command line; the same core function as the case
# page).  Expected dates counted by hand from data/holidays_cn.csv (see
# tests/unit/test_regime.c for the working).  No database: the embedded
# official calendar and the default settings are used.
# Prints one line per failure and ends with "N passed, N failed".
GK=${GONGKAI_BIN:-${GONGKAI:-./gongkai}}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
NODB="$TMP/none.db"

# expect NAME WANT_STATUS WANT_TEXT CMD... — see report_check.sh.
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

C="$GK applications clock --db $NODB"
# 2007 Regulation: received 2019-01-07, due 2019-01-28 (15 WD), answered late.
expect old-due 0 "答复期限：2019-01-28" $C --received 2019-01-07 \
  --channel in_person --event answered:2019-01-29 --today 2019-03-01
expect old-article 0 "（原条例第二十四条第二款）" $C --received 2019-01-07 \
  --channel in_person --today 2019-01-08
expect old-late 0 "状态：超期答复" $C --received 2019-01-07 \
  --channel in_person --event answered:2019-01-29 --today 2019-03-01
expect old-ext-max 1 "最长不得超过15个工作日" $C --received 2019-01-07 \
  --channel in_person --event extension:2019-01-25:16 --today 2019-01-25
# 2019 Regulation from 2019-05-15: 20 WD -> 2019-06-13.
expect new-due 0 "答复期限：2019-06-13" $C --received 2019-05-15 \
  --channel online --today 2019-05-15
# A third party's 15 WD end the pause (2025-03-04 .. 03-25), due 04-22.
expect consult-cap 0 "\"due\":\"2025-04-22\"" $C --received 2025-03-03 \
  --channel fax --event third_party_start:2025-03-04 \
  --event third_party_end:2025-06-30 --today 2025-07-01 --json
# "逾期未补正" before the default 15-WD period ends is refused.
expect corr-early 1 "补正期限至 2025-03-26" $C --received 2025-03-03 \
  --channel online --event correction_sent:2025-03-05 \
  --event correction_lapsed:2025-03-06 --today 2025-03-06
# No fee before 2021-01-01.
expect fee-2020 1 "自2021年1月1日起收取" $C --received 2020-06-01 \
  --channel online --event fee_notice:2020-06-10 --today 2020-06-10
expect bad-kind 2 "事件无效" $C --received 2025-03-03 --channel online \
  --event nonsense:2025-03-04
expect bad-channel 2 "--channel" $C --received 2025-03-03 --channel pigeon
expect help 0 "KIND:DATE" $GK applications clock --help

# An upgraded database: a 2019 case answered under the old cached 20-day
# date is corrected only by `recalc --all` (answered cases are not open).
DB="$TMP/g.db"
export GONGKAI_KEY=0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f
$GK init --db "$DB" >/dev/null 2>&1 && $GK demo --db "$DB" >/dev/null 2>&1
sqlite3 "$DB" "UPDATE application SET due_on='2019-02-02' WHERE reg_no='znwsj-2019-0001'"
expect recalc-open 0 "open application(s)" $GK applications recalc --db "$DB"
due=$(sqlite3 "$DB" "SELECT due_on FROM application WHERE reg_no='znwsj-2019-0001'")
if [ "$due" = "2019-02-02" ]; then pass=$((pass + 1)); else
  echo "FAIL recalc-open changed an answered case: $due"; fail=$((fail + 1)); fi
expect recalc-all 0 "application(s) got a new due date" $GK applications recalc --all --db "$DB"
due=$(sqlite3 "$DB" "SELECT due_on FROM application WHERE reg_no='znwsj-2019-0001'")
if [ "$due" = "2019-01-28" ]; then pass=$((pass + 1)); else
  echo "FAIL recalc --all: due $due, expected 2019-01-28"; fail=$((fail + 1)); fi
# With a database the clock uses its settings: a 10-day correction period.
$GK config set application_correction_workdays 10 --db "$DB" >/dev/null 2>&1
expect corr-setting 0 "补正期限至 2025-03-19" $GK applications clock --db "$DB" \
  --received 2025-03-03 --channel online --event correction_sent:2025-03-05 \
  --today 2025-03-06

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

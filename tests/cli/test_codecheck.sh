#!/bin/sh
# test_codecheck.sh — tools/codecheck.py can fail: on a copy of src/ it
# passes, then each planted mistake (issue 12) makes it exit 1 naming the
# file: %h into a plain-text producer (stored, then escaped again), %s with
# a variable into a markup producer, a printf-like function it does not
# know, and a setting that nothing reads.
# Ends with "cli-codecheck: N passed, N failed".
set -u
dir=$(mktemp -d /tmp/gk-codecheck-XXXXXX)
pass=0
fail=0
trap 'rm -rf "$dir"' EXIT

check() {  # check NAME EXPECTED_STATUS NEEDLE
  python3 tools/codecheck.py "$dir" >"$dir/out" 2>&1
  got=$?
  if [ "$got" -eq "$2" ] && grep -q -- "$3" "$dir/out"; then
    pass=$((pass + 1)); echo "PASS $1"
  else
    fail=$((fail + 1)); echo "FAIL $1: exit $got (want $2), output:"
    head -5 "$dir/out"
  fi
}

reset() { rm -rf "$dir/src"; cp -r src "$dir/src"; }

reset
echo "" > "$dir/out"
python3 tools/codecheck.py "$dir" >"$dir/out" 2>&1
if [ $? -eq 0 ]; then pass=$((pass + 1)); echo "PASS clean_tree"; else
  fail=$((fail + 1)); echo "FAIL clean_tree"; head -5 "$dir/out"; fi

printf 'const char *f(Req *r, const char *z) { return req_fmt(r, "note: %%h", z); }\n' \
  > "$dir/src/web/zz_plant.c"
check html_escape_into_text 1 "zz_plant.c:1: %h given to req_fmt"

reset
printf 'void f(Req *r, const char *zName) { req_printf(r, "<b>%%s</b>", zName); }\n' \
  > "$dir/src/web/zz_plant.c"
check raw_text_into_html 1 "zz_plant.c:1: %s given 'zName' in req_printf"

reset
printf 'static void note(Buf *b, const char *zFmt, ...) { (void)b; (void)zFmt; }\n' \
  > "$dir/src/core/zz_plant.c"
check unknown_printf_like 1 "printf-like note is not in"

reset
sed 's/SET_PUBLISH_DUE_SOON_WORKDAYS/0/' src/web/page_documents_home.c \
  > "$dir/src/web/page_documents_home.c"
check unread_setting 1 "SET_PUBLISH_DUE_SOON_WORKDAYS is read by nothing"

echo "cli-codecheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

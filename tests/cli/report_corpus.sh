#!/bin/sh
# report_corpus.sh — runs `gongkai report check` on every real published
# report of tests/fixtures/report/real/MANIFEST.tsv and compares the exit
# status and the expected lines with the verdict checked by hand.
# Run from the repository root; GONGKAI_BIN names the binary.
GK=${GONGKAI_BIN:-${GONGKAI:-./gongkai}}
DIR=tests/fixtures/report/real
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
TAB=$(printf '\t')
while IFS="$TAB" read -r file shape year format want expect verdict; do
  case "$file" in ''|'#'*) continue ;; esac
  "$GK" report check "$DIR/$file" >"$TMP/out" 2>&1
  got=$?
  bad=""
  [ "$got" -ne "$want" ] && bad="exit $got, expected $want"
  rest="$expect"
  while [ -n "$rest" ] && [ -z "$bad" ]; do
    one=${rest%% && *}
    [ "$one" = "$rest" ] && rest="" || rest=${rest#* && }
    grep -qF -- "$one" "$TMP/out" || bad="output lacks '$one'"
  done
  if [ -n "$bad" ]; then
    echo "FAIL $file ($shape): $bad"; sed 's/^/  | /' "$TMP/out" | head -20
    fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
done <"$DIR/MANIFEST.tsv"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

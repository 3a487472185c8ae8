#!/bin/sh
# run_all.sh — every test suite, release build then ASan+UBSan build.
# Each suite prints its own "SUITE: N passed, N failed" line; this script
# adds them up (with each suite's wall-clock seconds, to keep CI within its
# 30 minutes) and ends with the one closing line CI reads:
#     N passed, N failed
# Exit status 1 when any test failed or any suite could not run.
set -u
cd "$(dirname "$0")/.."
mkdir -p tests/out
total_pass=0
total_fail=0
broken=0

# run_suite NAME COMMAND... — runs a suite, echoes its output, adds counts.
run_suite() {
  name=$1
  shift
  log="tests/out/$name.log"
  echo "== $name: $*"
  t0=$(date +%s)
  "$@" > "$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - t0 ))
  grep -E '^(FAIL|not ok|SKIP)' "$log" | head -50
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  if [ -z "$line" ]; then
    echo "   $name: no result line (exit $rc); last lines:"
    tail -20 "$log"
    broken=$((broken + 1))
    return
  fi
  p=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*/\1/')
  f=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*/\2/')
  echo "   $line ($secs s)"
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "   $name: exit status $rc with no failed test"
    broken=$((broken + 1))
  fi
}

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

run_suite unit build/release/unit
# The store tests and the HTTP suite again on a throw-away PostgreSQL
# (tests/pg/run.sh; skipped tests are printed as SKIP lines).
run_suite pg sh tests/pg/run.sh
# Each libFuzzer target (make fuzz-build) briefly on its seed corpus.
run_suite fuzz sh tests/fuzz/run.sh "${FUZZ_CHECK_SECONDS:-4}"
for t in tests/cli/*.sh; do
  [ -f "$t" ] || continue
  n=$(basename "$t" .sh)
  GONGKAI_BIN=./gongkai run_suite "cli-$n" sh "$t"
done
GONGKAI_BIN=./gongkai run_suite http python3 tests/http/run.py
GONGKAI_BIN=./gongkai run_suite api-contract node tests/api/contract.mjs
if [ -f tests/browser/run.mjs ]; then
  GONGKAI_BIN=./gongkai run_suite browser node tests/browser/run.mjs
fi

# The Debian package, once (it builds its own release binary): lintian,
# systemd-analyze, the packaged binary behind nginx with TLS.
run_suite package python3 tests/pkg/test_package.py
# The maintainer scripts, installed for real: only where
# GONGKAI_TEST_INSTALL=1 (.ci/run), never over an existing installation.
run_suite package-install sh tests/pkg/test_install.sh

run_suite unit-asan build/asan/unit
GONGKAI_BIN=build/asan/gongkai run_suite http-asan python3 tests/http/run.py
GONGKAI_BIN=build/asan/gongkai run_suite api-contract-asan node tests/api/contract.mjs
for t in tests/cli/*.sh; do
  [ -f "$t" ] || continue
  n=$(basename "$t" .sh)
  GONGKAI_BIN=build/asan/gongkai run_suite "cli-$n-asan" sh "$t"
done

if [ "$broken" -gt 0 ]; then
  echo "$broken suite(s) did not report results"
  total_fail=$((total_fail + broken))
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

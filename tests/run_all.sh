#!/bin/sh
# run_all.sh — every test suite, release build then ASan+UBSan build.
# Each suite prints its own "SUITE: N passed, N failed" line; this script
# adds them up (with each suite's wall-clock seconds, to keep CI within its
# 30 minutes) and ends with the one closing line CI reads:
#     N passed, N failed
# Exit status 1 when any test failed or any suite could not run.
#
# The suites run in two lanes side by side (RUN_LANES=1: one after the
# other).  Each suite alone keeps about one core busy (a server and its
# client taking turns), so on two cores the lanes halve the wall clock.
# Lane "pg" holds the PostgreSQL suite, the fuzzers and the HTTP suite
# under ASan; lane "main" the rest.  Nothing is shared between lanes: each
# server binds a port it picks itself (tests/http/harness.py serve(),
# tests/serve.mjs), databases live in their own temporary directories, and
# only lane "main" installs packages (the package suites).
set -u
cd "$(dirname "$0")/.."
mkdir -p tests/out
res=tests/out/results
rm -rf "$res"
mkdir -p "$res"

# run_suite NAME COMMAND... — runs a suite; prints its block of output in
# one piece when it ends; writes "PASSED FAILED BROKEN" to $res/NAME.
run_suite() {
  name=$1
  shift
  log="tests/out/$name.log"
  t0=$(date +%s)
  "$@" > "$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - t0 ))
  out="$res/$name.out"
  {
    echo "== $name: $*"
    grep -E '^(FAIL|not ok|SKIP)' "$log" | head -50
  } > "$out"
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  if [ -z "$line" ]; then
    { echo "   $name: no result line (exit $rc); last lines:"; tail -20 "$log"; } >> "$out"
    echo "0 0 1" > "$res/$name"
    cat "$out"
    return
  fi
  p=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*/\1/')
  f=$(echo " $line" | sed -E 's/.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*/\2/')
  b=0
  echo "   $line ($secs s)" >> "$out"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "   $name: exit status $rc with no failed test" >> "$out"
    b=1
  fi
  echo "$p $f $b" > "$res/$name"
  cat "$out"
}

# cli_suites SUFFIX BIN — every tests/cli/*.sh with GONGKAI_BIN=BIN.
cli_suites() {
  for t in tests/cli/*.sh; do
    [ -f "$t" ] || continue
    GONGKAI_BIN=$2 run_suite "cli-$(basename "$t" .sh)$1" sh "$t"
  done
}

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

lane_pg() {
  # The store tests and the HTTP suite again on a throw-away PostgreSQL
  # (tests/pg/run.sh; skipped tests are printed as SKIP lines).
  run_suite pg sh tests/pg/run.sh
  GONGKAI_BIN=build/asan/gongkai run_suite http-asan python3 tests/http/run.py
  # Each libFuzzer target (make fuzz-build) briefly on its seed corpus.
  run_suite fuzz sh tests/fuzz/run.sh "${FUZZ_CHECK_SECONDS:-4}"
}

lane_main() {
  run_suite unit build/release/unit
  cli_suites "" ./gongkai
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
  GONGKAI_BIN=build/asan/gongkai run_suite api-contract-asan node tests/api/contract.mjs
  cli_suites "-asan" build/asan/gongkai
}

start_all=$(date +%s)   # (run_suite sets t0)
if [ "${RUN_LANES:-2}" = 1 ]; then
  lane_pg
  lane_main
else
  lane_pg &
  pg_pid=$!
  lane_main
  wait "$pg_pid"
fi

total_pass=0
total_fail=0
broken=0
for f in "$res"/*; do
  case $f in *.out) continue ;; esac
  read -r p fl b < "$f"
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + fl))
  broken=$((broken + b))
done
echo "all suites: $(( $(date +%s) - start_all )) s"
if [ "$broken" -gt 0 ]; then
  echo "$broken suite(s) did not report results"
  total_fail=$((total_fail + broken))
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

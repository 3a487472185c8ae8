#!/bin/sh
# run.sh — runs every libFuzzer target in build/fuzz/ (built by
# `make fuzz-build`) for SECONDS each, starting from its seed corpus in
# tests/fuzz/corpus/<target>/, and prints "fuzz: N passed, N failed"
# (a target passes when it finds no crash, leak, UB or timeout).
#
#   sh tests/fuzz/run.sh [SECONDS] [TARGET...]      (default 4 s, all)
#
# The seed corpus is only read: new inputs go to tests/out/fuzz/<target>/
# (kept between runs, so longer runs build on earlier ones) and a crashing
# input to tests/out/fuzz/<target>-crash-<sha1>; copy it into the seed
# corpus as a regression input once the bug is fixed.  FUZZ_OUT and
# FUZZ_BIN_DIR change the output and binary directories (a long campaign
# runs from a copy of the binaries so that rebuilding does not disturb it).
set -u
cd "$(dirname "$0")/../.."
secs=${1:-4}
[ $# -gt 0 ] && shift
bindir=${FUZZ_BIN_DIR:-build/fuzz}
targets=${*:-$(ls "$bindir" | grep '^fuzz_' | sed 's/^fuzz_//')}
out=${FUZZ_OUT:-tests/out/fuzz}
mkdir -p "$out"
pass=0
fail=0
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for t in $targets; do
  bin=$bindir/fuzz_$t
  seeds=tests/fuzz/corpus/$t
  if [ ! -x "$bin" ]; then
    echo "FAIL $t: $bin not built (make fuzz-build)"
    fail=$((fail + 1))
    continue
  fi
  mkdir -p "$out/$t"
  log="$out/$t.log"
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: a
  # memory blow-up is a failure; the seed directory comes last (read only).
  "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=262144 -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$out/$t-" \
    "$out/$t" "$seeds" > "$log" 2>&1
  rc=$?
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  if [ "$rc" -eq 0 ]; then
    echo "ok $t: ${execs:-?} executions in ${secs} s, no crash"
    pass=$((pass + 1))
  else
    echo "FAIL $t: exit $rc after ${execs:-?} executions; see $log"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5
    fail=$((fail + 1))
  fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

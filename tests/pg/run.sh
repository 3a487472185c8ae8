#!/bin/sh
# run.sh — the PostgreSQL suites (make check-pg): starts a throw-away
# PostgreSQL 15 (tests/pg/pg.sh), applies the PostgreSQL migrations with
# psql and compares them with the SQLite schema (test_schema.sh), then runs
# the unit tests with GK_TEST_PG set, so every store test that opens its
# database through tests/unit/storefix.h runs on PostgreSQL, each in a
# schema of its own (except those listed in tests/pg/unit_skip.txt: the
# SQLite search index, not yet on PostgreSQL); then the two-server test
# (tests/http/test_two_servers.py) and `gongkai db copy`
# (tests/pg/test_db_copy.sh) on it.  The cluster is removed at the end
# whatever happened.
# With PG_HTTP=1 the HTTP suite (tests/http/run.py) runs too, each
# module's server on a schema of its own (PG_HTTP_ONLY=NAME: the modules
# whose file name contains NAME).  Ends with "N passed, N failed" (the
# suites added up).
#   UNIT=build/asan/unit  another unit binary;  PG_ONLY=NAME  only the unit
#   tests whose name contains NAME.
set -u
cd "$(dirname "$0")/../.."
UNIT=${UNIT:-build/release/unit}
mkdir -p tests/out
exec sh tests/pg/pg.sh run sh -c '
  pass=0; fail=0
  add() {
    line=$(grep -E "[0-9]+ passed, [0-9]+ failed" "$1" | tail -1)
    p=$(echo " $line" | sed -E "s/.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*/\1/")
    f=$(echo " $line" | sed -E "s/.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*/\2/")
    [ -n "$line" ] || { p=0; f=1; echo "   $1: no result line"; }
    pass=$((pass + p)); fail=$((fail + f))
  }
  echo "== pg-schema"
  GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} sh tests/pg/test_schema.sh > tests/out/pg-schema.log 2>&1
  grep -E "^(not ok|pg-schema)" tests/out/pg-schema.log
  add tests/out/pg-schema.log
  echo "== pg-unit ('"$UNIT"')"
  GK_UNIT_FORK=1 GK_UNIT_SKIP=tests/pg/unit_skip.txt '"$UNIT"' ${PG_ONLY:-} > tests/out/pg-unit.log 2>&1
  grep -E "^(FAIL|SKIP|unit:)" tests/out/pg-unit.log
  add tests/out/pg-unit.log
  echo "== pg-two-servers (tests/http/test_two_servers.py, tests/pg/test_db_copy.sh)"
  GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} python3 tests/http/run.py two_servers \
    > tests/out/pg-two-servers.log 2>&1
  grep -E "^(FAIL|http:)" tests/out/pg-two-servers.log | cut -c1-160
  add tests/out/pg-two-servers.log
  GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} sh tests/pg/test_db_copy.sh > tests/out/pg-db-copy.log 2>&1
  grep -E "^(not ok|db-copy)" tests/out/pg-db-copy.log
  add tests/out/pg-db-copy.log
  GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} sh tests/pg/test_commands.sh > tests/out/pg-commands.log 2>&1
  grep -E "^(not ok|pg-commands)" tests/out/pg-commands.log
  add tests/out/pg-commands.log
  if [ -n "${PG_HTTP:-}" ]; then
    echo "== pg-http"
    GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} python3 tests/http/run.py ${PG_HTTP_ONLY:-} \
      > tests/out/pg-http.log 2>&1
    grep -E "^(FAIL|http:)" tests/out/pg-http.log | cut -c1-160
    add tests/out/pg-http.log
  fi
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
'

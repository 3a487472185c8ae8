#!/bin/sh
# run.sh — the PostgreSQL suites (make check-pg): starts a throw-away
# PostgreSQL 15 (tests/pg/pg.sh), applies the PostgreSQL migrations with
# psql and compares them with the SQLite schema (test_schema.sh), then runs
# the unit tests with GK_TEST_PG set, so every store test that opens its
# database through tests/unit/storefix.h runs on PostgreSQL, each in a
# schema of its own (except those listed in tests/pg/unit_skip.txt: the
# SQLite search index, not yet on PostgreSQL); then `gongkai db copy`
# (tests/pg/test_db_copy.sh) and every command with backup and restore
# (tests/pg/test_commands.sh) on it; then the whole HTTP suite
# (tests/http/run.py; the two-server test, tests/http/test_two_servers.py,
# is one of its modules), each module's server on a database of its own
# (a copy of one init+demo database, harness.fresh_db(); dropped after
# the module), except
# the modules listed with their reason in tests/pg/http_skip.txt (printed
# as SKIP lines and counted as skipped, never as passed).  The cluster is
# removed at the end whatever happened.  Ends with "N passed, N failed"
# (the suites added up).
#   UNIT=build/asan/unit  another unit binary;  PG_ONLY=NAME  only the unit
#   tests whose name contains NAME;  PG_HTTP_ONLY=NAME  only the HTTP
#   modules whose file name contains NAME;  PG_HTTP=0  no HTTP suite.
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
  # The two-server test is a module of the HTTP suite: on its own only when
  # the suite below does not run it.
  if [ "${PG_HTTP:-1}" = 0 ] || [ -n "${PG_HTTP_ONLY:-}" ]; then
    echo "== pg-two-servers (tests/http/test_two_servers.py)"
    GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} python3 tests/http/run.py two_servers \
      > tests/out/pg-two-servers.log 2>&1
    grep -E "^(FAIL|http:)" tests/out/pg-two-servers.log | cut -c1-160
    add tests/out/pg-two-servers.log
  fi
  echo "== pg-db-copy (tests/pg/test_db_copy.sh)"
  GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} sh tests/pg/test_db_copy.sh > tests/out/pg-db-copy.log 2>&1
  grep -E "^(not ok|db-copy)" tests/out/pg-db-copy.log
  add tests/out/pg-db-copy.log
  echo "== pg-commands (tests/pg/test_commands.sh)"
  GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} sh tests/pg/test_commands.sh > tests/out/pg-commands.log 2>&1
  grep -E "^(not ok|pg-commands)" tests/out/pg-commands.log
  add tests/out/pg-commands.log
  if [ "${PG_HTTP:-1}" != 0 ]; then
    # A database of its own, without the unit tests schemas: `gongkai
    # backup` dumps the whole database (one lock per table).
    echo "== pg-http (tests/http, skipped modules: tests/pg/http_skip.txt)"
    psql "$GK_TEST_PG" -X -q -c "CREATE DATABASE gongkai_http"
    GK_TEST_PG="$GK_TEST_PG dbname=gongkai_http" \
    GONGKAI_BIN=${GONGKAI_BIN:-./gongkai} GK_HTTP_SKIP=tests/pg/http_skip.txt \
      python3 tests/http/run.py ${PG_HTTP_ONLY:-} > tests/out/pg-http.log 2>&1
    grep -E "^(FAIL|SKIP|http:)" tests/out/pg-http.log | cut -c1-160
    add tests/out/pg-http.log
  fi
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ]
'

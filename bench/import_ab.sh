#!/bin/sh
# import_ab.sh — bulk import CPU of two gongkai binaries, run alternately
# (bench/RESULTS.md, "Second round — search storage and import").  On a
# shared machine wall-clock rates change with the load from minute to
# minute; alternating runs of the same documents compare CPU time.
#
#   sh bench/import_ab.sh OLD_BIN NEW_BIN [N] [RUNS]
#
# N documents (default 10000) from `bench-gen docs --seed 1`, RUNS pairs
# (default 3), each into a fresh database like bench/run.sh section 3.
# Prints per run: binary, wall s, user s, sys s, peak RSS KiB, database MB
# after a WAL checkpoint, portal index MB (dbstat), load average.
set -eu
OLD=$1; NEW=$2; N=${3:-10000}; RUNS=${4:-3}
W=$(mktemp -d "${TMPDIR:-/tmp}/gk-ab.XXXXXX")
trap 'rm -rf "$W"' EXIT
"$OLD" bench-gen docs --n "$N" --seed 1 --out "$W/docs.jsonl"
NORG=$(( N / 2000 )); [ $NORG -ge 20 ] || NORG=20; [ $NORG -le 500 ] || NORG=500
r=1
while [ $r -le "$RUNS" ]; do
  for GK in "$OLD" "$NEW"; do
    DB=$W/ab.db; rm -f "$DB" "$DB-wal" "$DB-shm"
    "$GK" init --db "$DB" > /dev/null
    ROOT=$("$GK" bench-gen orgs --db "$DB" --n $NORG --seed 1)
    /usr/bin/time -f '%e %U %S %M' -o "$W/time" \
      "$GK" docs import --db "$DB" --org "$ROOT" --batch 5000 "$W/docs.jsonl" > /dev/null
    sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
    idx=$(sqlite3 "$DB" "SELECT round(sum(pgsize)/1e6,1) FROM dbstat WHERE name LIKE 'search_fts%' OR name LIKE 'search_chr%'")
    echo "$GK $(cat "$W/time") $(du -m "$DB" | cut -f1)MB index ${idx}MB load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  r=$((r + 1))
done

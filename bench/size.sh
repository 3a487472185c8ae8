#!/bin/sh
# size.sh — database size against the text it holds (issue 18, target 3;
# bench/RESULTS.md, "Database size").
#
#   sh bench/size.sh BIN [N] [DB]
#
# Imports N documents (default 100000) of `bench-gen docs --seed 1` into a
# fresh database DB (default a temporary file, removed at the end) like
# bench/run.sh section 3, with gongkai binary BIN, then prints the file
# size after a WAL checkpoint, its free pages, the text (bytes of body +
# title + 文号 + keywords of every document, a packed body counted as its
# text), how many bodies are stored packed and their stored bytes, and,
# from dbstat, the space of
# each table with its indexes, the portal index (both FTS5 tables with
# their shadow tables) as one line; each also as a ratio to the text.
set -eu
GK=$1; N=${2:-100000}
W=$(mktemp -d "${TMPDIR:-/tmp}/gk-size.XXXXXX")
trap 'rm -rf "$W"' EXIT
DB=${3:-$W/size.db}
"$GK" bench-gen docs --n "$N" --seed 1 --out "$W/docs.jsonl"
rm -f "$DB" "$DB-wal" "$DB-shm"
"$GK" init --db "$DB" > /dev/null
NORG=$(( N / 2000 )); [ $NORG -ge 20 ] || NORG=20; [ $NORG -le 500 ] || NORG=500
ROOT=$("$GK" bench-gen orgs --db "$DB" --n $NORG --seed 1)
/usr/bin/time -o "$W/time" -f 'import %e s wall, %U s user, %S s sys, %M KiB peak' \
  "$GK" docs import --db "$DB" --org "$ROOT" --batch 5000 "$W/docs.jsonl" > /dev/null
cat "$W/time"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
# The text in MB.  A body stored packed (a zstd frame, migration 0104)
# counts with the size of its text: the content size its frame header
# states (libzstd through ctypes: the sqlite3 shell has no gk_text).
TEXT_MB=$(python3 - "$DB" <<'PY'
import ctypes, ctypes.util, sqlite3, sys
z = ctypes.CDLL(ctypes.util.find_library("zstd") or "libzstd.so.1")
z.ZSTD_getFrameContentSize.restype = ctypes.c_ulonglong
z.ZSTD_getFrameContentSize.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
def text_len(v):
    if isinstance(v, bytes):
        return z.ZSTD_getFrameContentSize(v, len(v))
    return len(v.encode()) if v is not None else 0
con = sqlite3.connect(sys.argv[1])
con.create_function("text_len", 1, text_len, deterministic=True)
n, = con.execute("""SELECT sum(text_len(body) + length(CAST(title AS BLOB))
  + length(CAST(doc_number AS BLOB)) + length(CAST(keywords AS BLOB))) FROM doc""").fetchone()
print(n / 1e6)
PY
)
{ echo "CREATE TEMP TABLE t AS SELECT $TEXT_MB AS mb;"; cat <<'SQL'; } | sqlite3 "$DB"
.mode list
.separator " "
SELECT 'text', round(mb, 1), 'MB' FROM t;
SELECT 'bodies', count(*), 'packed', sum(typeof(body) = 'blob'),
       'stored', round(sum(length(CAST(body AS BLOB))) / 1e6, 1), 'MB' FROM doc;
SELECT 'file', round(page_count * page_size / 1e6, 1), 'MB',
       round(page_count * page_size / 1e6 / (SELECT mb FROM t), 2) || 'x',
       'page_size', page_size, 'free', round(freelist_count * page_size / 1e6, 1), 'MB'
FROM pragma_page_count, pragma_page_size, pragma_freelist_count;
SELECT CASE WHEN s.name LIKE 'search\_fts%' ESCAPE '\' OR s.name LIKE 'search\_chr%' ESCAPE '\'
            THEN 'portal-index' ELSE coalesce(m.tbl_name, s.name) END AS grp,
       round(sum(s.pgsize) / 1e6, 1), 'MB',
       round(sum(s.pgsize) / 1e6 / (SELECT mb FROM t), 3) || 'x'
FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name
GROUP BY grp HAVING sum(s.pgsize) > 500000 ORDER BY sum(s.pgsize) DESC;
SQL

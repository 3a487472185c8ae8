#!/bin/sh
# check_layers.sh — fails when a source file includes a header from a layer
# above its own.  Order: lib < core < store < app < (web api cli) < http <
# main.
# Also: inside src/store/ only the drivers use a database API (below).
# The one sanctioned exception: http/req.h, the request object that the page,
# API and CLI layers are written against (it depends on lib only).
set -eu
rank() {
  case "$1" in
    lib) echo 0 ;; core) echo 1 ;; store) echo 2 ;; app) echo 3 ;;
    web|api|cli) echo 4 ;; http) echo 5 ;; *) echo 9 ;;
  esac
}
bad=0
for f in src/*/*.c src/*/*.h; do
  [ -f "$f" ] || continue
  layer=$(basename "$(dirname "$f")")
  mine=$(rank "$layer")
  for inc in $(sed -n 's/^#include "\([a-z]*\/[a-z_0-9]*\.h\)".*/\1/p' "$f"); do
    [ "$inc" = "http/req.h" ] && continue
    theirs=$(rank "${inc%%/*}")
    if [ "$theirs" -gt "$mine" ]; then
      echo "layering: $f includes $inc (above $layer)" >&2
      bad=1
    fi
  done
done

# Inside the store (docs/store.md): the domain files (store_<area>.c) are
# written against the statement layer only; the database API belongs to the
# drivers (store_sqlite.c, store_pg.c) and the SQLite-only parts
# (sqlite_*.c, fts_*.c).
for f in src/store/store_*.c; do
  case "$f" in src/store/store_sqlite.c|src/store/store_pg.c) continue ;; esac
  if grep -n 'sqlite3\|#include "store/store_sqlite.h"\|#include "store/fts_cjk.h"\|libpq' "$f" >&2; then
    echo "layering: $f uses a database API directly (use src/store/db.h)" >&2
    bad=1
  fi
done
# The layer's and the drivers' headers are private to src/store/; the
# SQLite-only administration (store_admin.h, store_bench.h) and the copy to
# another database (store_copy.h) are for commands.
for f in src/*/*.c src/*/*.h; do
  case "$f" in src/store/*) continue ;; esac
  if grep -n '#include "store/\(store_int\|db\|store_sqlite\|store_pg\)\.h"' "$f" >&2; then
    echo "layering: $f includes a header private to src/store/" >&2
    bad=1
  fi
  case "$f" in src/cli/*) continue ;; esac
  if grep -n '#include "store/\(store_admin\|store_bench\|store_copy\)\.h"' "$f" >&2; then
    echo "layering: $f includes SQLite-only administration (commands only)" >&2
    bad=1
  fi
done
[ "$bad" -eq 0 ] || { echo "layering check failed" >&2; exit 1; }

#!/bin/sh
# check_layers.sh — fails when a source file includes a header from a layer
# above its own.  Order: lib < core < store < app < (web api cli) < http <
# main.
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
[ "$bad" -eq 0 ] || { echo "layering check failed" >&2; exit 1; }

#!/bin/sh
# pg.sh — a throw-away PostgreSQL 15 cluster for tests (issue 16).
#
#   tests/pg/pg.sh start DIR   initdb into DIR (must not exist), start the
#                              server on a Unix socket in DIR (no TCP:
#                              listen_addresses=''), create the database
#                              gongkai_test and print its connection string
#   tests/pg/pg.sh env DIR     print GK_TEST_PG=<connection string>
#   tests/pg/pg.sh stop DIR    stop the server and remove DIR
#   tests/pg/pg.sh run CMD...  start a cluster in a new temporary directory,
#                              run CMD with GK_TEST_PG set, stop and remove
#                              the cluster whatever CMD did (trap); exits
#                              with CMD's status
#
# PostgreSQL refuses to run as root, and CI runs as root: the cluster then
# belongs to a system user, gongkai-test (created with useradd --system
# when missing), and initdb/pg_ctl run as that user through runuser.  As an
# ordinary user the cluster is simply the caller's.  The connection string
# is in keyword form ("host=DIR dbname=gongkai_test user=…") so a test can
# append keywords (options=-csearch_path=… in tests/unit/storefix.h).
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DBUSER=gongkai-test
DBNAME=gongkai_test

die() { echo "pg.sh: $*" >&2; exit 2; }

[ -x "$PGBIN/initdb" ] || die "no $PGBIN/initdb (make deps-test installs postgresql-15)"

# as_owner CMD... — runs CMD as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$DBUSER" -- "$@"; else "$@"; fi
}

owner_name() {
  if [ "$(id -u)" -eq 0 ]; then echo "$DBUSER"; else id -un; fi
}

conninfo() { echo "host=$1 port=5432 dbname=$DBNAME user=$(owner_name)"; }

start() {
  dir=$1
  [ -e "$dir" ] && die "$dir exists"
  if [ "$(id -u)" -eq 0 ] && ! id "$DBUSER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$DBUSER"
  fi
  mkdir -m 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$DBUSER" "$dir"
  as_owner "$PGBIN/initdb" -D "$dir/data" -U "$(owner_name)" -A trust \
           -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  # Only the Unix socket in DIR; fsync off: a test cluster needs no
  # durability and the machine is shared.  PG_SHARED_BUFFERS (default
  # 32MB): the benchmark's cluster (bench/pg.sh) takes more.
  as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p 5432 \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
        -c max_connections=50 -c shared_buffers=${PG_SHARED_BUFFERS:-32MB}" start ||
    { cat "$dir/server.log" >&2; die "server did not start"; }
  as_owner "$PGBIN/createdb" -h "$dir" -p 5432 -U "$(owner_name)" "$DBNAME"
  conninfo "$dir"
}

stop() {
  dir=$1
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w -s stop || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: pg.sh start DIR"; start "$2" ;;
  stop)  [ $# -eq 2 ] || die "usage: pg.sh stop DIR"; stop "$2" ;;
  env)   [ $# -eq 2 ] || die "usage: pg.sh env DIR"; echo "GK_TEST_PG=$(conninfo "$2")" ;;
  run)
    shift
    [ $# -ge 1 ] || die "usage: pg.sh run CMD..."
    base=$(mktemp -d /tmp/gk-pg-XXXXXX)
    chmod 755 "$base"
    dir="$base/c"
    trap 'stop "$dir"; rmdir "$base" 2>/dev/null || true' EXIT INT TERM
    GK_TEST_PG=$(start "$dir")
    export GK_TEST_PG
    set +e
    "$@"
    rc=$?
    set -e
    exit $rc ;;
  *) die "usage: pg.sh start|stop|env DIR, or pg.sh run CMD..." ;;
esac

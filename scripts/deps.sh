#!/bin/sh
# Installs the Debian packages gongkai needs to build, run and test.
# Idempotent: asks dpkg first and calls apt-get only for what is missing.
# Usage: scripts/deps.sh [build|test|bench|deb]   (default: build)
set -eu
want="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev libsodium-dev
libjansson-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxlsxwriter-dev
libmagic-dev libzip-dev zlib1g-dev libxml2-dev libpq-dev libzstd-dev poppler-utils sqlite3 curl"
case "${1:-build}" in
  test)  want="$want chromium fonts-wqy-zenhei libreoffice-writer-nogui tidy unzip python3
               debhelper scdoc dpkg-dev fakeroot lintian nginx openssl
               clang-14 libclang-rt-14-dev postgresql-15 postgresql-client-15"
         # node and npm may come from elsewhere (a nodesource build); only ask
         # apt for them when neither is on the PATH.
         command -v npm >/dev/null 2>&1 || want="$want nodejs npm" ;;
  bench) want="$want nginx wrk"
         [ "${BENCH_PG:-0}" != 1 ] || want="$want postgresql-15 postgresql-client-15" ;;
  deb)   want="$want debhelper scdoc dpkg-dev fakeroot" ;;
esac
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || $SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

#!/bin/sh
# test_install.sh — the package's maintainer scripts, for real: installs
# gongkai_*.deb (built by test_package.py) on this machine, then reinstalls
# it (dpkg runs postinst as an upgrade), purges it (the data stays), and
# purges again with GONGKAI_PURGE_DATA=yes.  It changes the system (a user,
# /etc/gongkai, /var/lib/gongkai), so it runs only where GONGKAI_TEST_INSTALL=1
# (.ci/run sets it: CI is a throwaway machine) and never over an existing
# installation.  Ends with "package-install: N passed, N failed".
set -u
pass=0
fail=0
ok() {  # ok NAME CONDITION...
  name=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "PASS $name"
  else fail=$((fail + 1)); echo "FAIL $name"; fi
}
finish() { echo "package-install: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; exit $?; }

deb=$(ls gongkai_*.deb 2>/dev/null | tail -1)
if [ "${GONGKAI_TEST_INSTALL:-0}" != 1 ]; then
  echo "SKIP: set GONGKAI_TEST_INSTALL=1 to install the package on this machine (.ci/run does)"
  finish
fi
ok "a package was built" [ -n "$deb" ]
[ -n "$deb" ] || finish
if [ "$(id -u)" -ne 0 ] || dpkg-query -W gongkai >/dev/null 2>&1 || [ -e /etc/gongkai ] ||
   [ -e /var/lib/gongkai ]; then
  echo "FAIL: not root, or gongkai is already installed here: refusing to touch it"
  fail=$((fail + 1)); finish
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
# Whatever happens, leave no installation behind for the suites that follow.
cleanup() {
  GONGKAI_PURGE_DATA=yes dpkg --purge gongkai >/dev/null 2>&1
  rm -rf /etc/gongkai /var/lib/gongkai /var/backups/gongkai "$log"
  deluser --system gongkai >/dev/null 2>&1 || true
}
trap cleanup EXIT

apt-get install -y -q "./$deb" >"$log" 2>&1
ok "apt installs the package" sh -c "dpkg-query -W gongkai >/dev/null 2>&1"
ok "the install says where the login is" grep -q "/etc/gongkai/admin-login.txt" "$log"
ok "system user gongkai" sh -c "id gongkai >/dev/null 2>&1"
ok "admin login readable by root only" [ "$(stat -c '%a %U' /etc/gongkai/admin-login.txt)" = "600 root" ]
ok "admin login holds a password" grep -q "password" /etc/gongkai/admin-login.txt
ok "secret key root:gongkai 0640" [ "$(stat -c '%a %U %G' /etc/gongkai/gongkai.key)" = "640 root gongkai" ]
ok "database owned by the service user" [ "$(stat -c '%U' /var/lib/gongkai/gongkai.db)" = gongkai ]
ok "the service user reads it with the packaged configuration" \
  sh -c "runuser -u gongkai -- gongkai ledger verify >/dev/null"
ok "unit enabled" [ -e /etc/systemd/system/multi-user.target.wants/gongkai.service ]

# Reinstalling runs postinst as an upgrade from the installed version; the
# operator's comment after db = (gongkai.conf(5)) is not part of the path.
sed -i 's|^db = .*|&   # the database|' /etc/gongkai/gongkai.conf
dpkg -i "$deb" >"$log" 2>&1
ok "reinstall (upgrade path) succeeds" [ $? -eq 0 ]
ok "upgrade finds the database despite a comment after db =" \
  sh -c "! grep -q 'database created' '$log'"
ok "upgrade took a backup first" sh -c 'ls /var/backups/gongkai/before-upgrade-from-*.db >/dev/null 2>&1'
ok "upgrade ran the migrations" grep -q "schema version" "$log"

ok "the server and the backup timer are started (when systemd runs)" \
  grep -Eq "deb-systemd-invoke (start|\\\$_dh_action) 'gongkai-backup.timer'" /var/lib/dpkg/info/gongkai.postinst

# An installation moved to PostgreSQL (db = a connection string): an
# upgrade must not take the string for a missing file and run `init` over
# the login file; it backs up with pg_dump (here the server does not exist,
# so the upgrade stops before migrating, as it must without a backup).
cp /etc/gongkai/admin-login.txt "$log.login"
cp /etc/gongkai/gongkai.conf "$log.conf"
sed -i 's|^db = .*|db = host=/nonexistent-gongkai-test dbname=gongkai|' /etc/gongkai/gongkai.conf
dpkg -i "$deb" >"$log" 2>&1
ok "upgrade on PostgreSQL does not run init" sh -c "! grep -q 'database created' '$log'"
ok "upgrade on PostgreSQL keeps the login file" cmp -s /etc/gongkai/admin-login.txt "$log.login"
ok "upgrade on PostgreSQL backs it up first (no server: refused)" grep -q "gongkai backup: .*PostgreSQL" "$log"
cp "$log.conf" /etc/gongkai/gongkai.conf
dpkg --configure -a >"$log" 2>&1
ok "with the file again the upgrade completes" sh -c "dpkg-query -W -f='\${Status}' gongkai | grep -q 'ok installed'"
rm -f "$log.login" "$log.conf"

dpkg --purge gongkai >"$log" 2>&1
ok "purge keeps the database" [ -f /var/lib/gongkai/gongkai.db ]
ok "purge keeps the key" [ -f /etc/gongkai/gongkai.key ]
ok "purge removes the one-time login" [ ! -e /etc/gongkai/admin-login.txt ]
ok "purge says how to remove the data" grep -q "GONGKAI_PURGE_DATA=yes" "$log"

dpkg -i "$deb" >"$log" 2>&1
GONGKAI_PURGE_DATA=yes dpkg --purge gongkai >"$log" 2>&1
ok "GONGKAI_PURGE_DATA=yes removes the data" [ ! -e /var/lib/gongkai ] && [ ! -e /etc/gongkai/gongkai.key ]
finish

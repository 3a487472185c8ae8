#!/bin/sh
# deb.sh — `make deb`: builds gongkai_VERSION_ARCH.deb with debhelper from a
# clean copy of the source (tracked and new files, not ignored ones) in
# build/deb, so the working tree's build/ and var/ never enter the package.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh deb
version=$(dpkg-parsechangelog -S Version)
export GK_COMMIT="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
work=build/deb
rm -rf "$work"
mkdir -p "$work/gongkai-$version"
git ls-files -z --cached --others --exclude-standard |
  tar --null -T - -cf - | tar -xf - -C "$work/gongkai-$version"
(cd "$work/gongkai-$version" && dpkg-buildpackage -us -uc -b --no-sign >../build.log 2>&1) || {
  tail -40 "$work/build.log" >&2
  echo "deb: dpkg-buildpackage failed (log: $work/build.log)" >&2
  exit 1
}
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
cp "$work/gongkai_${version}_${arch}.deb" .
echo "deb: gongkai_${version}_${arch}.deb"

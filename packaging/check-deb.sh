#!/usr/bin/env bash
# Checks a built package: it carries the binary, desktop entry, icons, AppStream metainfo, MIME
# types, man pages and completions; the desktop entry and the metainfo validate; the man page
# renders. Needs desktop-file-utils, appstream and man-db.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -1 target/debian/annals_*.deb | tail -n 1)}
dpkg-deb --info "$deb"
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for want in \
  ./usr/bin/annals \
  ./usr/share/applications/annals.desktop \
  ./usr/share/icons/hicolor/scalable/apps/annals.svg \
  ./usr/share/icons/hicolor/48x48/apps/annals.png \
  ./usr/share/icons/hicolor/256x256/apps/annals.png \
  ./usr/share/metainfo/be.annals.annals.metainfo.xml \
  ./usr/share/mime/packages/annals.xml \
  ./usr/share/man/man1/annals.1.gz \
  ./usr/share/man/man1/annals-check.1.gz \
  ./usr/share/bash-completion/completions/annals \
  ./usr/share/zsh/vendor-completions/_annals \
  ./usr/share/fish/vendor_completions.d/annals.fish; do
  grep -qxF "$want" <<<"$contents" || { echo "check-deb.sh: $deb lacks $want" >&2; exit 1; }
done
dpkg-deb --field "$deb" Depends | grep -q libxkbcommon-x11-0 || { echo "check-deb.sh: Depends lacks the window's libraries" >&2; exit 1; }
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb --extract "$deb" "$unpacked"
desktop-file-validate "$unpacked/usr/share/applications/annals.desktop"
appstreamcli validate --no-net --pedantic "$unpacked/usr/share/metainfo/be.annals.annals.metainfo.xml"
page=$(MANPAGER=cat MANWIDTH=80 man -l "$unpacked/usr/share/man/man1/annals.1.gz" 2>&1)
grep -q -- "--new-window" <<<"$page" || { echo "check-deb.sh: the man page does not render" >&2; echo "$page" >&2; exit 1; }
bash -n "$unpacked/usr/share/bash-completion/completions/annals"
echo "check-deb.sh: $deb is complete and valid"

#!/usr/bin/env bash
# Builds boothapp as a windowed one-folder app with PyInstaller, then (on Debian and
# Ubuntu) a .deb of that folder.
#
#     packaging/build.sh            from the repository root (any folder works)
#
# Needs PyInstaller in the environment (pip install -e '.[package]'); uses
# $PYTHON, else .venv/bin/python when there is one, else python3.
# Leaves:
#   dist/boothapp/boothapp                the app (boothapp.exe on Windows)
#   dist/boothapp.app                     macOS only: the application bundle
#   dist/boothapp_<version>_<arch>.deb    Linux with dpkg-deb: /opt/boothapp, /usr/bin/boothapp,
#                                         the desktop entry, icons and AppStream metadata
# BOOTHAPP_NO_DEB=1 skips the .deb; BOOTHAPP_DEB_ONLY=1 packages the dist/boothapp
# already built.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ -n "${PYTHON:-}" ]; then
  python=$PYTHON
elif [ -x .venv/bin/python ]; then
  python=.venv/bin/python
elif [ -x .venv/Scripts/python.exe ]; then
  python=.venv/Scripts/python.exe
else
  python=python3
fi

name=$("$python" packaging/project_info.py name)
version=$("$python" packaging/project_info.py version)
echo "== building $name $version with $("$python" -m PyInstaller --version 2>/dev/null || echo '(no PyInstaller)')"
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: PyInstaller is missing: $python -m pip install -e '.[package]'" >&2
  exit 1
fi
for wanted in resources/icons resources/translations resources/linux; do
  [ -d "$wanted" ] || echo "build.sh: warning: $wanted is missing; the bundle goes without it" >&2
done

started=$(date +%s)
if [ -n "${BOOTHAPP_DEB_ONLY:-}" ] && [ -x "dist/$name/$name" ]; then
  echo "== BOOTHAPP_DEB_ONLY: packaging the existing dist/$name"
else
  rm -rf "build/$name" "dist/$name" "dist/$name.app"
  "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build packaging/boothapp.spec
  echo "== bundle: dist/$name ($(du -sh "dist/$name" | cut -f1)), built in $(( $(date +%s) - started )) s"
fi

# --- the .deb ------------------------------------------------------------------------
if [ "$(uname -s)" != "Linux" ] || [ -n "${BOOTHAPP_NO_DEB:-}" ]; then
  exit 0
fi
if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "build.sh: no dpkg-deb here: the .deb is skipped" >&2
  exit 0
fi

arch=$(dpkg --print-architecture)
deb_version="${version//-/\~}"
staging="build/deb/${name}_${deb_version}_${arch}"
rm -rf "build/deb"
mkdir -p "$staging/DEBIAN" "$staging/opt" "$staging/usr/bin"
cp -a "dist/$name" "$staging/opt/$name"
# Shared libraries need not be executable (PyInstaller leaves them 755).
find "$staging/opt/$name" -type f -name "*.so*" -exec chmod 644 {} +
ln -s "/opt/$name/$name" "$staging/usr/bin/$name"
# The licence statement and a changelog, as every Debian package has them.
doc="$staging/usr/share/doc/$name"
mkdir -p "$doc"
cat > "$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: $name
Source: https://example.invalid/boothapp

Files: *
Copyright: the boothapp developers
License: proprietary
 All rights reserved. The bundle in /opt/$name also holds Python (PSF licence),
 Qt and PySide6 (LGPL-3.0), FFmpeg (LGPL-2.1) and other free libraries under
 their own licences; the DejaVu fonts come with their licence in
 /opt/$name/_internal/boothapp/resources/fonts.
EOF
printf '%s (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- boothapp maintainers <boothapp@example.invalid>  %s\n' \
  "$name" "$deb_version" "$version" "$(date -R)" | gzip -9n > "$doc/changelog.gz"

if [ -f "resources/linux/$name.desktop" ]; then
  install -D -m 644 "resources/linux/$name.desktop" "$staging/usr/share/applications/$name.desktop"
else
  echo "build.sh: warning: resources/linux/$name.desktop is missing: no menu entry" >&2
fi
shopt -s nullglob
for metainfo in resources/linux/*.metainfo.xml; do
  install -D -m 644 "$metainfo" "$staging/usr/share/metainfo/$(basename "$metainfo")"
done
# Icons: boothapp.svg as the scalable one; PNGs of a known size (from the name, e.g.
# boothapp-48.png, 48x48/boothapp.png or boothapp_48x48.png, else from the file itself).
if [ -f "resources/icons/$name.svg" ]; then
  install -D -m 644 "resources/icons/$name.svg" \
    "$staging/usr/share/icons/hicolor/scalable/apps/$name.svg"
fi
while IFS=' ' read -r size png; do
  install -D -m 644 "$png" "$staging/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done < <("$python" - <<'EOF'
import re, struct
from pathlib import Path

for png in sorted(Path("resources/icons").rglob("*.png")):
    with png.open("rb") as file:
        head = file.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        continue
    width, height = struct.unpack(">II", head[16:24])
    if width == height and width in (16, 22, 24, 32, 48, 64, 96, 128, 256, 512, 1024):
        print(width, png)
EOF
)
shopt -u nullglob

installed_kb=$(du -sk --exclude=DEBIAN "$staging" | cut -f1)
cat > "$staging/DEBIAN/control" <<EOF
Package: $name
Version: $deb_version
Architecture: $arch
Maintainer: boothapp maintainers <boothapp@example.invalid>
Installed-Size: $installed_kb
Section: misc
Priority: optional
Homepage: https://example.invalid/boothapp
Depends: libc6, libegl1, libgl1, libfontconfig1, libfreetype6, libdbus-1-3, libglib2.0-0 | libglib2.0-0t64, libxkbcommon0, libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-randr0, libxcb-xinerama0, libxcb-xkb1, libxcb-xfixes0, libxcb-shm0, libxcb-sync1, libxcb-render0, libpulse0
Recommends: fonts-noto-cjk | fonts-droid-fallback
Description: lead capture for trade-show booths, offline
 boothapp captures visitors' contacts at a trade-show booth: staff type them in,
 scan badge QR codes with a scanner or the camera, and export the leads to
 Excel or a CRM after the show. It works with no network at all.
EOF
# Refresh the menus and the icon cache when the tools are there.
cat > "$staging/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = "configure" ]; then
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
EOF
cat > "$staging/DEBIAN/postrm" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = "remove" ] || [ "$1" = "purge" ]; then
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
EOF
chmod 755 "$staging/DEBIAN/postinst" "$staging/DEBIAN/postrm"
find "$staging" -path "$staging/DEBIAN" -prune -o -type d -exec chmod 755 {} +
chmod 644 "$doc/copyright" "$doc/changelog.gz"

deb="dist/${name}_${deb_version}_${arch}.deb"
dpkg-deb --root-owner-group --build -Zxz "$staging" "$deb" >/dev/null
echo "== package: $deb ($(du -h "$deb" | cut -f1))"
echo "== built in $(( $(date +%s) - started )) s in all ($root)"

#!/usr/bin/env bash
# Installs the system libraries boothapp's Qt window, camera and tests need, on Debian or
# Ubuntu, only when some are missing. Elsewhere it says what to install and carries on.
set -euo pipefail

packages=(
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
  libxcb-xkb1 libxcb-xfixes0 libpulse0 fonts-noto-cjk fonts-dejavu-core
)
if [ "${1:-}" = "--with-test-tools" ]; then
  packages+=(xvfb xauth xdotool openbox x11-apps imagemagick libreoffice-calc-nogui postgresql sqlite3 poppler-utils
    desktop-file-utils appstream)
  # packaging/build.sh: PyInstaller reads shared libraries' dependencies with objdump.
  # (The .deb is made with dpkg-deb, part of dpkg; dpkg-dev is not needed.)
  packages+=(binutils)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "boothapp: not a Debian system; install Qt 6's xcb libraries, EGL and a CJK font yourself." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "boothapp: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Installs what PresetAtlas needs on Debian: C libraries (apt) and the factory data users have
# (LMMS presets and demos, hexter's DX7 ROMs, Hydrogen songs, ZynAddSubFX banks, amsynth banks) unpacked into
# .cache/factory without installing the programs or their GUI dependencies. Idempotent; quiet when done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libsndfile1-dev libfftw3-dev libopenblas0 libxml2-dev zlib1g-dev pkg-config)
DATA_PACKAGES=(lmms-common hexter hydrogen-data zynaddsubfx-data amsynth)
FACTORY=.cache/factory
STAMP="$FACTORY/.complete"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
updated=0
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  updated=1
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A cache made before amsynth joined the list lacks its banks: fetch again.
[ -d "$FACTORY/usr/share/amsynth/banks" ] || rm -f "$STAMP"
if [ ! -f "$STAMP" ]; then
  echo "install-deps: fetching factory data (${DATA_PACKAGES[*]}) into $FACTORY"
  [ $updated -eq 1 ] || sudo_if_needed apt-get update -qq
  mkdir -p "$FACTORY/debs"
  ( cd "$FACTORY/debs" && apt-get download -qq -o APT::Sandbox::User=root "${DATA_PACKAGES[@]}" )
  for deb in "$FACTORY"/debs/*.deb; do dpkg-deb -x "$deb" "$FACTORY"; done
  touch "$STAMP"
fi

#!/usr/bin/env bash
# Fetches real song data for the tempo readers beyond the factory set: MuseScore 3's demo scores and
# score templates (Debian `musescore3-common`), unpacked into .cache/songs with `apt-get download` +
# `dpkg-deb -x` (the program and its dependencies are not installed). Idempotent; quiet when done.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_PACKAGES=(musescore3-common)
SONGS=.cache/songs
STAMP="$SONGS/.complete"

if [ ! -f "$STAMP" ]; then
  echo "fetch-song-data: fetching ${DATA_PACKAGES[*]} into $SONGS"
  mkdir -p "$SONGS/debs"
  ( cd "$SONGS/debs" && apt-get download -qq -o APT::Sandbox::User=root "${DATA_PACKAGES[@]}" )
  for deb in "$SONGS"/debs/*.deb; do dpkg-deb -x "$deb" "$SONGS"; done
  touch "$STAMP"
fi

#!/usr/bin/env bash
# Installs what the browser test (make e2e) needs and `make test` does not: Debian's chromium, headless.
# Idempotent; quiet when done.
set -euo pipefail
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1; then
  echo "install-e2e-deps: installing chromium"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

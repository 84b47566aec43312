#!/usr/bin/env bash
# apt-get install the named Debian packages, with sudo when not root, running
# `apt-get update` only when the first attempt fails (fresh machines).
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends "$@" \
  || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "$@"; }

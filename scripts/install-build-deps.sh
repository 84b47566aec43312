#!/usr/bin/env bash
# Installs what building Syllabus needs on Debian: the cmark library and
# pkg-config (Swift itself is expected on the machine). Idempotent: does
# nothing when everything is already there.
set -euo pipefail

need=()
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi

echo "Installing ${need[*]} with apt-get"
exec "$(dirname "$0")/apt-install.sh" "${need[@]}"

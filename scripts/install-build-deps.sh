#!/usr/bin/env bash
# Installs what building Syllabus needs on Debian: the cmark library,
# pkg-config and the mimalloc allocator the CLI links (Swift itself is
# expected on the machine). Idempotent: does nothing when everything is
# already there.
set -euo pipefail

need=()
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
# Debian's package has no pkg-config file: ask dpkg.
dpkg-query -W -f='${Status}' libmimalloc-dev 2>/dev/null | grep -q "install ok installed" || need+=(libmimalloc-dev)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi

echo "Installing ${need[*]} with apt-get"
exec "$(dirname "$0")/apt-install.sh" "${need[@]}"

#!/usr/bin/env bash
# Installs what the Python integration tests need: a Java runtime (Nu HTML
# checker), headless Chromium and its driver, fonts for screenshots, nginx,
# libical through GObject introspection (used from Debian's /usr/bin/python3,
# which can import gi) and calcurse for the feed tests, and a virtualenv at
# ./.venv with IntegrationTests/requirements-*.txt.
# Idempotent: a second run only checks and returns in a few seconds.
set -euo pipefail

cd "$(dirname "$0")/.."

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# nginx-light: the nginx recipe of docs/deploy.md is served by a real nginx in IntegrationTests/deploy.
for pkg in chromium chromium-driver fonts-dejavu-core nginx-light gir1.2-ical-3.0 python3-gi calcurse; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-test-tools: apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_install=("${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}")
    if ! "${apt_install[@]}"; then
        echo "install-test-tools: install failed; running apt-get update and retrying"
        "${sudo_cmd[@]}" apt-get update -q
        "${apt_install[@]}"
    fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    echo "install-test-tools: creating .venv"
    "$python" -m venv .venv
fi

reqs=()
for req in IntegrationTests/requirements-pages.txt IntegrationTests/requirements-feeds.txt; do
    [ -f "$req" ] && reqs+=(-r "$req")
done

if [ ${#reqs[@]} -gt 0 ]; then
    # Skip pip (and its network round-trips) when the pinned set is already installed.
    stamp=.venv/.requirements.sha256
    sum=$(cat IntegrationTests/requirements-*.txt | sha256sum | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
        .venv/bin/python -m pip install -q --disable-pip-version-check "${reqs[@]}"
        echo "$sum" > "$stamp"
    fi
fi

echo "install-test-tools: ready ($(java -version 2>&1 | head -n1); $(chromium --version 2>/dev/null); $(.venv/bin/python --version))"

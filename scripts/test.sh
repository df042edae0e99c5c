#!/usr/bin/env bash
# Sets up and builds LossLab, then runs every test (CTest) on Qt's offscreen platform.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/setup.sh"

# The locale tests read numbers under a German locale; make it when we may.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    if [[ $(id -u) -eq 0 ]]; then
        localedef -i de_DE -f UTF-8 de_DE.UTF-8
    elif command -v sudo >/dev/null; then
        sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8 || true
    fi
fi

cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600

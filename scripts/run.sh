#!/usr/bin/env bash
# Sets up and builds LossLab, then opens the window on the lesson's data (or on the CSV file
# and options given as arguments, see `losslab --help`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/setup.sh"
exec "$build/app/losslab" "$@"

#!/usr/bin/env bash
# Installs what LossLab needs on Debian 12 (as root, or through sudo) and builds it in build/.
# Sourced by run.sh, test.sh and sanitize.sh; safe to run again: it installs only what is
# missing. LOSSLAB_BUILD_DIR, LOSSLAB_CMAKE_ARGS and LOSSLAB_BUILD_TARGETS pick another build
# folder, extra CMake options and the targets to build (default: all).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${LOSSLAB_BUILD_DIR:-$root/build}"
source "$root/scripts/packages.sh"
# qt6-tools-dev and qt6-l10n-tools compile the translations; qt6-translations-l10n has Qt's own
# words in Chinese (its dialogs' buttons), fonts-wqy-microhei the Chinese characters.
losslab_install cmake ninja-build g++ pkg-config qt6-base-dev qt6-charts-dev qt6-svg-dev libeigen3-dev \
    zlib1g-dev fonts-dejavu-core clang-format locales desktop-file-utils appstream \
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n fonts-wqy-microhei

read -r -a cmake_args <<<"${LOSSLAB_CMAKE_ARGS:-}"
read -r -a targets <<<"${LOSSLAB_BUILD_TARGETS:-all}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${cmake_args[@]}"
cmake --build "$build" --parallel --target "${targets[@]}"

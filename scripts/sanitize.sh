#!/usr/bin/env bash
# Builds LossLab with AddressSanitizer + UndefinedBehaviorSanitizer and runs every test, then
# with ThreadSanitizer and runs the tests that use threads (ctest -L threads). Any sanitizer
# report fails the run. Build folders: build-asan/ and build-tsan/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: every test"
(
    LOSSLAB_BUILD_DIR="$root/build-asan" LOSSLAB_CMAKE_ARGS="-DLOSSLAB_SANITIZE=address,undefined"
    source "$here/setup.sh"
    cd "$build"
    # Resident size means nothing under AddressSanitizer, so tst_memory checks only that no
    # chart object is made per update; fewer cycles show that as well as 10000.
    LOSSLAB_MEMORY_CYCLES=1000 QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900
)

echo "== ThreadSanitizer: the tests that run threads"
(
    LOSSLAB_BUILD_DIR="$root/build-tsan" LOSSLAB_CMAKE_ARGS="-DLOSSLAB_SANITIZE=thread"
    LOSSLAB_BUILD_TARGETS="losslab tst_losssampler tst_trainingworker tst_trainingcontroller tst_controllertorture tst_mainwindow tst_timeline tst_app tst_lifecycle sanitizercanary"
    source "$here/setup.sh"
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -L threads
)

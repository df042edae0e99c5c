#!/usr/bin/env bash
# Builds LossLab in Release (build-release/) with the Python references (Debian's numpy and
# pandas), runs every benchmark with the median of 5 runs, and writes the table of medians
# and ratios to build-release/benchmarks.md (also printed). Arguments go to every benchmark,
# e.g. `bash scripts/bench.sh -median 9`. The machine should be otherwise idle.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LOSSLAB_BUILD_DIR="${LOSSLAB_BUILD_DIR:-$(cd "$here/.." && pwd)/build-release}"
LOSSLAB_CMAKE_ARGS="-DCMAKE_BUILD_TYPE=Release ${LOSSLAB_CMAKE_ARGS:-}"
source "$here/setup.sh"
# The references are optional: the benchmarks skip them, with a note, when they are missing.
losslab_install python3-numpy python3-pandas || echo "Without numpy and pandas: no Python rows."

results="$build/benchmarks.csv"
: >"$results"
for benchmark in "$build"/bench/bench_*; do
    [[ -x $benchmark && ! -d $benchmark ]] || continue
    name="$(basename "$benchmark")"
    echo "== $name" >&2
    QT_QPA_PLATFORM=offscreen "$benchmark" -csv -median 5 "$@" | sed "s/^/\"${name#bench_}\",/" \
        >>"$results"
done
bash "$here/benchtable.sh" "$results" | tee "$build/benchmarks.md"

#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer (clang's, from Debian): builds the
# fuzz_* targets of tests/fuzz/ in build-fuzz/ and runs each for SECONDS (default 25) on its
# seeds, the test data and what earlier runs found. Exits non-zero when any target crashes,
# hangs, leaks or runs out of memory; the input that did it is saved in build-fuzz/artifacts/.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. bash scripts/fuzz.sh 3600 csvreader
#
# Targets: csvreader datasetloader commandline numberformat session. Installs clang and the rest of
# what it needs on Debian 12 when missing (as root, or through sudo).
set -euo pipefail
shopt -s nullglob

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${LOSSLAB_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-25}"
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
    exit 2
fi
shift $(($# > 0 ? 1 : 0))
targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=(csvreader datasetloader commandline numberformat session)
fi

source "$root/scripts/packages.sh"
losslab_install cmake ninja-build clang libclang-rt-14-dev pkg-config qt6-base-dev \
    qt6-charts-dev libeigen3-dev zlib1g-dev

# Debug keeps Q_ASSERT and the core's own checks; -O1 keeps the fuzzer fast.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DLOSSLAB_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 >/dev/null
cmake --build "$build" --parallel --target "${targets[@]/#/fuzz_}"

# Longest input per target: CSV files up to 64 KiB (longer lines and files are unit tests),
# command lines and numbers much shorter.
declare -A maxLength=([csvreader]=65536 [datasetloader]=65536 [commandline]=4096
    [numberformat]=512 [session]=65536)
declare -A dictionary=([csvreader]=csv.dict [datasetloader]=csv.dict
    [commandline]=commandline.dict [session]=session.dict)

artifacts="$build/artifacts"
rm -rf "$artifacts"
mkdir -p "$artifacts"
export UBSAN_OPTIONS=print_stacktrace=1

failed=()
for target in "${targets[@]}"; do
    # The fuzzer adds to its corpus: give it a working copy, never the checked-in seeds.
    corpus="$build/corpus/$target"
    mkdir -p "$corpus"
    seeds=("$root/tests/fuzz/corpus/$target"/*)
    if [[ $target == csvreader || $target == datasetloader ]]; then
        seeds+=("$root"/tests/data/*.csv "$root"/tests/data/fuzz/*)
    fi
    cp "${seeds[@]}" "$corpus/"

    options=(
        -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048
        -max_len="${maxLength[$target]}" -print_final_stats=1
        -artifact_prefix="$artifacts/$target-"
    )
    if [[ -n ${dictionary[$target]:-} ]]; then
        options+=(-dict="$root/tests/fuzz/${dictionary[$target]}")
    fi

    echo "Fuzzing $target for ${seconds} s"
    log="$artifacts/$target.log"
    if "$build/tests/fuzz/fuzz_$target" "${options[@]}" "$corpus" >"$log" 2>&1; then
        grep -E '^(Done|stat::number_of_executed_units)' "$log" || true
    else
        tail -n 40 "$log"
        failed+=("$target")
    fi
done

if ((${#failed[@]} > 0)); then
    echo "Fuzzing found a crash, hang, leak or memory blow-up in: ${failed[*]}" >&2
    echo "The inputs are in $artifacts; reproduce one with build-fuzz/tests/fuzz/fuzz_TARGET FILE" >&2
    exit 1
fi
echo "Fuzzing found nothing in ${#targets[@]} targets (${seconds} s each)"

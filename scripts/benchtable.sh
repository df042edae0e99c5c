#!/usr/bin/env bash
# benchtable.sh RESULTS.csv: the Markdown table of a bench.sh run. Each line of the CSV is
# "benchmark","function","variant N","metric",median,total,iterations (Qt Test's -csv with the
# benchmark's name in front). For each benchmark, function and N it gives LossLab's median
# and each reference's, with the reference's median divided by LossLab's; rows without a
# `losslab` variant (one per optimizer, say) list each variant on its own.
set -euo pipefail
awk -F, '
function show(value, metric) {
    if (metric == "BytesAllocated") return sprintf("%.2f MB", value / 1048576)
    if (value >= 100) return sprintf("%.0f ms", value)
    if (value >= 1) return sprintf("%.2f ms", value)
    if (value >= 0.001) return sprintf("%.4f ms", value)
    return sprintf("%.3f µs", value * 1000)
}
{
    for (i = 1; i <= 4; ++i) gsub(/"/, "", $i)
    n = split($3, words, " ")
    size = n > 1 ? words[n] : "-"
    variant = words[1]
    key = $1 SUBSEP $2 SUBSEP size
    if (!(key in seen)) { seen[key] = 1; order[++count] = key }
    value[key, variant] = $5
    metric[key] = $4
    if (variant != "losslab") refs[key] = refs[key] (refs[key] == "" ? "" : " ") variant
}
END {
    print "| benchmark | measure | N | LossLab | reference: median (reference / LossLab) |"
    print "| --- | --- | --- | --- | --- |"
    for (k = 1; k <= count; ++k) {
        key = order[k]
        split(key, part, SUBSEP)
        if (!((key SUBSEP "losslab") in value)) {
            # No reference: each variant (an optimizer, say) is a measure of its own.
            m = split(refs[key], names, " ")
            for (j = 1; j <= m; ++j)
                printf "| %s | %s, %s | %s | %s | - |\n", part[1], part[2], names[j], part[3],
                    show(value[key, names[j]], metric[key])
            continue
        }
        own = value[key, "losslab"]
        cell = ""
        m = split(refs[key], names, " ")
        for (j = 1; j <= m; ++j) {
            ref = value[key, names[j]]
            text = names[j] ": " show(ref, metric[key])
            if (own > 0) text = text sprintf(" (%.1f×)", ref / own)
            cell = cell (cell == "" ? "" : "; ") text
        }
        printf "| %s | %s | %s | %s | %s |\n", part[1], part[2], part[3], show(own, metric[key]),
            cell == "" ? "-" : cell
    }
}' "$1"

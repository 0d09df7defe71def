#!/usr/bin/env bash
# Issue 4's benchmark: jvirsh against virsh 9.0 in the same run, on test:///default.
#  1. one command as a fresh process: `list --all`, RUNS times each, median wall time;
#  2. a 30,000-command lifecycle script on stdin (define, start, suspend, resume, destroy,
#     undefine x 5,000), SCRIPT_RUNS times each, median wall time.
# Prints both medians and the ratio for each. Needs virsh (apt-get install libvirt-clients).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-21}
SCRIPT_RUNS=${SCRIPT_RUNS:-5}
command -v virsh >/dev/null || { echo "bench-jvirsh: needs virsh (apt-get install libvirt-clients)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/demo.xml" <<'XML'
<domain type='test'>
  <name>demo</name>
  <memory unit='MiB'>512</memory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type><boot dev='hd'/></os>
</domain>
XML
for _ in $(seq 5000); do
    printf 'define %s\nstart demo\nsuspend demo\nresume demo\ndestroy demo\nundefine demo\n' "$work/demo.xml"
done > "$work/script.txt"

./jvirsh -c test:///default list --all >/dev/null   # builds on first use, writes the CDS archive

# Median wall time in seconds of running "$@" (stdin from $input) $n times.
median() {
    local n=$1 input=$2; shift 2
    local times=()
    for _ in $(seq "$n"); do
        local t0 t1
        t0=$(date +%s%N)
        "$@" < "$input" > /dev/null 2>&1 || true
        t1=$(date +%s%N)
        times+=($(( t1 - t0 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.4f", a[int((NR+1)/2)] / 1e9}'
}

report() {
    local what=$1 jv=$2 vs=$3
    awk -v w="$what" -v j="$jv" -v v="$vs" 'BEGIN {
        printf "%-40s jvirsh %8.3f s   virsh %8.3f s   jvirsh/virsh %.2f\n", w, j, v, j / v }'
}

one_j=$(median "$RUNS" /dev/null ./jvirsh -c test:///default list --all)
one_v=$(median "$RUNS" /dev/null virsh -c test:///default list --all)
report "list --all, fresh process (median of $RUNS)" "$one_j" "$one_v"

scr_j=$(median "$SCRIPT_RUNS" "$work/script.txt" ./jvirsh -c test:///default)
scr_v=$(median "$SCRIPT_RUNS" "$work/script.txt" virsh -c test:///default)
report "30,000-command script (median of $SCRIPT_RUNS)" "$scr_j" "$scr_v"

#!/usr/bin/env bash
# Issue 4's benchmark: jvirsh against virsh 9.0 in the same run, on test:///default.
#  1. one command as a fresh process: `list --all`, RUNS times each, median wall time;
#  2. a 30,000-command lifecycle script on stdin (define, start, suspend, resume, destroy,
#     undefine x 5,000), SCRIPT_RUNS times each, median wall time.
# jvirsh and virsh runs alternate, so that both meet the same machine. Prints both medians and
# the ratio for each, and the JVM jvirsh ran on. Needs virsh (apt-get install libvirt-clients).
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

./jvirsh -c test:///default list --all >/dev/null   # builds on first use, writes the class archive

# Runs jvirsh ("$@" after ./jvirsh) and virsh (the same arguments) $n times each, alternating so
# that both see the same machine, stdin from $input; prints "JVIRSH_MEDIAN VIRSH_MEDIAN" in seconds.
alternate() {
    local n=$1 input=$2; shift 2
    local tj=() tv=() t0 t1
    for _ in $(seq "$n"); do
        t0=$(date +%s%N); ./jvirsh "$@" < "$input" > /dev/null 2>&1 || true; t1=$(date +%s%N)
        tj+=($(( t1 - t0 )))
        t0=$(date +%s%N); virsh "$@" < "$input" > /dev/null 2>&1 || true; t1=$(date +%s%N)
        tv+=($(( t1 - t0 )))
    done
    printf '%s %s\n' "$(med "${tj[@]}")" "$(med "${tv[@]}")"
}

med() {
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.4f", a[int((NR+1)/2)] / 1e9}'
}

report() {
    local what=$1 jv=$2 vs=$3
    awk -v w="$what" -v j="$jv" -v v="$vs" 'BEGIN {
        printf "%-40s jvirsh %8.3f s   virsh %8.3f s   jvirsh/virsh %.2f\n", w, j, v, j / v }'
}

java=$(sed -n 's/^\([^|]*\)|.*/\1/p' virsh-shell/target/jvirsh-*/jvirsh-*/lib/jvirsh.*.key 2>/dev/null | head -1)
echo "jvirsh runs on ${java:-?}"
read -r one_j one_v < <(alternate "$RUNS" /dev/null -c test:///default list --all)
report "list --all, fresh process (median of $RUNS)" "$one_j" "$one_v"

read -r scr_j scr_v < <(alternate "$SCRIPT_RUNS" "$work/script.txt" -c test:///default)
report "30,000-command script (median of $SCRIPT_RUNS)" "$scr_j" "$scr_v"

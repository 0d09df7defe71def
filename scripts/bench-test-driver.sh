#!/usr/bin/env bash
# Issue 3's benchmark: define -> start -> suspend -> resume -> destroy -> undefine cycles per
# second through the API on test:///default from 1 and 8 threads (JMH), listAllDomains latency
# with 10,000 domains (JMH), and, in the same run, the same cycle through libvirt 9.0's own C
# test driver (scripts/bench/libvirt-cycle.c, needs gcc and libvirt-dev) for the ratio.
# Extra arguments go to JMH (e.g. -f 1 -wi 2 -i 3 for a quick look).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -ntp -pl api,driver-test -am install -DskipTests
cp=$(./mvnw -q -ntp -pl driver-test dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
out=$(mktemp -d)
java -cp "driver-test/target/test-classes:driver-test/target/classes:$cp" org.openjdk.jmh.Main \
    'io.jvirt.driver.test.bench.*' -rf csv -rff "$out/jmh.csv" "$@"

baseline=""
if command -v gcc >/dev/null && [ -f /usr/include/libvirt/libvirt.h ]; then
    gcc -O2 -o "$out/libvirt-cycle" scripts/bench/libvirt-cycle.c -lvirt
    line=$("$out/libvirt-cycle" 20000)
    echo "$line"
    baseline=$(echo "$line" | sed -E 's/.*= ([0-9]+) cycles\/s.*/\1/')
else
    echo "libvirt baseline skipped: needs gcc and libvirt-dev (apt-get install libvirt-dev)" >&2
fi

echo
echo "Summary"
while IFS=, read -r name mode threads samples score error unit; do
    name=${name//\"/}; score=${score//\"/}; unit=${unit//\"/}
    case "$name" in
        *LifecycleBenchmark.cycle*)
            ratio=""
            [ -n "$baseline" ] && ratio=$(awk -v a="$score" -v b="$baseline" 'BEGIN{printf " = %.1fx libvirt", a/b}')
            printf '%-45s %12.0f cycles/s%s\n' "${name##*.}" "$score" "$ratio" ;;
        *ListAllDomainsBenchmark*)
            printf '%-45s %12.3f %s\n' "listAllDomains, 10,000 domains" "$score" "$unit" ;;
    esac
done < <(tail -n +2 "$out/jmh.csv")

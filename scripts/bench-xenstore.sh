#!/usr/bin/env bash
# Issue 6's benchmark: xenstore read, write and transaction-of-5-writes throughput and watch
# fire latency over our xenstored's unix socket, from 1 and 8 clients (JMH), against the same
# operations on an in-process ConcurrentHashMap (the floor) in the same run, with ratios.
# No C xenstored runs here (it needs a Xen host), hence the map floor.
# Extra arguments go to JMH; the default keeps the run near four minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
jmh_args=("$@")
[ ${#jmh_args[@]} -eq 0 ] && jmh_args=(-wi 3 -w 2s -i 5 -r 2s -f 1)

# Compile in the reactor (api from this tree, nothing installed into ~/.m2) and get the classpath.
./mvnw -q -ntp -pl driver-xen -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="driver-xen/target/test-classes:driver-xen/target/classes:$(cat driver-xen/target/bench-classpath.txt)"
out=$(mktemp -d)
for threads in 1 8; do
    java -cp "$cp" org.openjdk.jmh.Main 'io.jvirt.driver.xen.bench.XenstoreBenchmark' \
        -t "$threads" -rf csv -rff "$out/t$threads.csv" "${jmh_args[@]}"
done

echo
echo "Summary (socket = our xenstored over its unix socket; map = in-process ConcurrentHashMap floor)"
for threads in 1 8; do
    # CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: backend"
    tail -n +2 "$out/t$threads.csv" | tr -d '"\r' | awk -F, -v t="$threads" '
        { op = $1; sub(/.*\./, "", op); score[op "," $8] = $5; err[op "," $8] = $6; unit[op] = $7; ops[op] = 1 }
        END {
            n = split("read write transactionOfFiveWrites watchFireLatency", order, " ")
            for (i = 1; i <= n; i++) {
                op = order[i]
                if (!(op in ops)) continue
                s = score[op ",socket"]; m = score[op ",map"]; e = err[op ",socket"]
                if (unit[op] == "ops/s")
                    printf "%-24s %d client%s  socket %8.0f ± %-7.0f ops/s   map %11.0f ops/s   the floor is %.0fx faster\n", op, t, (t > 1 ? "s" : " "), s, e, m, m / s
                else
                    printf "%-24s %d client%s  socket %8.1f ± %-7.1f us/op   map %11.4f us/op   the floor is %.0fx faster\n", op, t, (t > 1 ? "s" : " "), s, e, m, s / m
            }
        }'
done

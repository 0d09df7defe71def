#!/usr/bin/env bash
# Issue 5 part 2: qemu:///embed open + first capabilities use, with the capabilities cache cold
# (QEMU probed) and warm (cache file read), alternated in one run; prints medians and the ratio.
# Usage: scripts/bench-qemu-open.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -pl driver-kvm -am test-compile
cpfile=$(mktemp)
./mvnw -q -o -pl driver-kvm dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
java -cp "driver-kvm/target/test-classes:driver-kvm/target/classes:api/target/classes:$(cat "$cpfile")" \
    io.jvirt.driver.kvm.OpenTimeBenchmark "${1:-10}"
rm -f "$cpfile"

#!/usr/bin/env bash
# Issue 5's save/restore figures: a 256 MiB guest saved to a file and restored through
# qemu:///embed, against the same QEMU argv saved and restored by hand (migrate to exec:cat) in
# the same run; prints median seconds and the driver/bare ratio.
# Usage: scripts/bench-save-restore.sh [rounds] [kernel initrd]
#   without a kernel the guest idles in SeaBIOS; give the test guest (scripts/test-guest) to save
#   a booted Linux.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -o -pl driver-kvm -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
java -cp "driver-kvm/target/test-classes:driver-kvm/target/classes:api/target/classes:$(cat "$cp_file")" \
    io.jvirt.driver.kvm.SaveRestoreBenchmark "$@"

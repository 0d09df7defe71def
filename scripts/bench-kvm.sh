#!/usr/bin/env bash
# Issue 5's benchmark for driver-kvm, with the test guest (scripts/test-guest/build.sh) under TCG:
#  (a) start -> the guest's JVIRT-GUEST-READY through qemu:///embed against the same guest started
#      by a bare qemu-system-x86_64 with the argv the driver builds (less -S), in the same run,
#      N pairs alternating: medians and the ratio;
#  (b) GUESTS guests of 128 MiB running at once: list --all and dominfo latency through the API,
#      through ./jvirsh as fresh processes (p50 and p95), and per command typed into a jvirsh
#      session (stdin).
# Environment: N (10), GUESTS (16), API_CALLS (200), JVIRSH_RUNS (20), JVIRT_TEST_GUEST.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10}
GUESTS=${GUESTS:-16}
API_CALLS=${API_CALLS:-200}
JVIRSH_RUNS=${JVIRSH_RUNS:-20}

guest=$(scripts/test-guest/build.sh "${JVIRT_TEST_GUEST:-$HOME/.cache/jvirt/test-guest}")
work=$(mktemp -d /tmp/jvb.XXXXXX)   # short: QEMU's monitor socket path is bounded
trap 'rm -rf "$work"' EXIT

# driver-kvm's classes and test classes (the bench is a test-source main) and their class path;
# the shell's jar for ./jvirsh. Built from this tree, nothing installed into ~/.m2.
./mvnw -q -pl virsh-shell -am package -DskipTests
./mvnw -q -pl driver-kvm -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
./jvirsh -c test:///default list --all >/dev/null   # the shell's class-data archive, once
cp="driver-kvm/target/test-classes:driver-kvm/target/classes:$(cat "$work/cp.txt")"

java -cp "$cp" io.jvirt.driver.kvm.KvmBench "$work/run" "$guest" "$PWD/jvirsh" \
    "$N" "$GUESTS" "$API_CALLS" "$JVIRSH_RUNS"

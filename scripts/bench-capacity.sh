#!/usr/bin/env bash
# Issue 7's benchmark: planning 100,000 VM shapes with io.jvirt.capacity (JMH), from shapes already
# built (plan) and from the lines of a plan file (parseAndPlan). The target is under a second.
# Extra arguments go to JMH (e.g. -f 1 -wi 2 -i 3 for a quick look).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -ntp -pl api install -DskipTests
cp=$(./mvnw -q -ntp -pl api dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "api/target/test-classes:api/target/classes:$cp" org.openjdk.jmh.Main 'io.jvirt.capacity.bench.*' "$@"

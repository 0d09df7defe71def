#!/usr/bin/env bash
# The project's test command: installs what the tests need on a Debian 12 machine (when run as
# root and something is missing), fetches libvirt's XML test corpus, then runs every module's
# unit and integration tests with `./mvnw verify`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

# Debian packages the tests talk to: virsh (differential tests of the test driver and the
# shell), libvirt's RELAX NG schemas (/usr/share/libvirt/schemas, from libvirt0), Xen's
# xenstore-utils (run against our xenstored), and QEMU with qemu-img (driver-kvm's probes and
# command lines are started for real, under TCG).
need=()
command -v virsh >/dev/null 2>&1 || need+=(libvirt-clients)
command -v xenstore-read >/dev/null 2>&1 || need+=(xenstore-utils)
command -v qemu-system-x86_64 >/dev/null 2>&1 || need+=(qemu-system-x86)
command -v qemu-img >/dev/null 2>&1 || need+=(qemu-utils)
[ -f /usr/share/libvirt/schemas/domain.rng ] || need+=(libvirt0)
command -v xz >/dev/null 2>&1 || need+=(xz-utils)
# driver-kvm's bridge and tap tests run iproute2's ip; its corpus test lends loop devices (losetup).
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v losetup >/dev/null 2>&1 || need+=(mount)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    else
        echo "test.sh: missing ${need[*]}; install them (apt-get install ${need[*]}) or run as root" >&2
    fi
fi

# libvirt 9.0.0's own XML fixtures (never committed): fetched once into a cache.
cache=${JVIRT_CACHE:-$HOME/.cache/jvirt}
if src=$(scripts/fetch-libvirt-src.sh "$cache"); then
    export JVIRT_LIBVIRT_SRC="$src"
else
    echo "test.sh: could not fetch libvirt's sources; corpus tests will skip (or fail under CI=true)" >&2
fi

# The test guest driver-kvm's integration tests boot under TCG (Debian's cloud kernel and a
# busybox initramfs, from Debian's packages); rebuilt only when its script changes.
if guest=$(scripts/test-guest/build.sh "${JVIRT_TEST_GUEST:-$cache/test-guest}"); then
    export JVIRT_TEST_GUEST="$guest"
else
    echo "test.sh: could not build the test guest; guest-booting tests will skip (or fail under CI=true)" >&2
fi

exec ./mvnw -B -ntp verify "$@"

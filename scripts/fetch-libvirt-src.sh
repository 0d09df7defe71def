#!/bin/sh
# Fetches libvirt 9.0.0's source from Debian 12 (bookworm) and extracts the parts jvirt's tests
# read: libvirt's own XML test corpora (tests/qemuxml2argvdata, tests/xlconfigdata) and the
# test program that says which corpus files libvirt expects to be rejected.
#
#   scripts/fetch-libvirt-src.sh [CACHE_DIR]      (default: $HOME/.cache/jvirt)
#
# Prints the extracted tree's path; use it as
#   ./mvnw -pl api test -Djvirt.libvirt.src="$(scripts/fetch-libvirt-src.sh)"
# or export JVIRT_LIBVIRT_SRC. Adding the deb-src entry and `apt-get update` need root (sudo is
# used when available); nothing is built or installed. Safe to run again: work already done is
# skipped.
set -eu

CACHE_DIR=${1:-$HOME/.cache/jvirt}
UPSTREAM=9.0.0
DEBIAN_VERSION=9.0.0-4+deb12u2
SOURCES=/etc/apt/sources.list.d/jvirt-src.sources
TREE=$CACHE_DIR/libvirt-$UPSTREAM
WANTED="tests/qemuxml2argvdata tests/xlconfigdata tests/qemuxml2argvtest.c"

log() { echo "fetch-libvirt-src: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        log "need root for: $*"
        exit 1
    fi
}

complete() {
    for path in $WANTED; do
        [ -e "$TREE/$path" ] || return 1
    done
}

if complete; then
    echo "$TREE"
    exit 0
fi

mkdir -p "$CACHE_DIR"
cd "$CACHE_DIR"

orig=$(ls libvirt_"$UPSTREAM".orig.tar.* 2>/dev/null | head -n 1 || true)
if [ -z "$orig" ]; then
    if [ ! -f "$SOURCES" ]; then
        log "adding Debian source packages to $SOURCES"
        as_root sh -c "cat > '$SOURCES'" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    fi
    # apt talks on stdout; this script's stdout is only the tree's path.
    as_root apt-get update >&2
    # The exact Debian revision jvirt's tests were written against; any bookworm revision of
    # upstream 9.0.0 carries the same test data, so fall back to the current one.
    apt-get source --download-only "libvirt=$DEBIAN_VERSION" >&2 \
        || apt-get source --download-only libvirt >&2
    orig=$(ls libvirt_"$UPSTREAM".orig.tar.* 2>/dev/null | head -n 1 || true)
    if [ -z "$orig" ]; then
        log "apt-get did not deliver libvirt_$UPSTREAM.orig.tar.* (is bookworm still at $UPSTREAM?)"
        exit 1
    fi
fi

log "extracting $WANTED from $orig"
members=""
for path in $WANTED; do
    members="$members libvirt-$UPSTREAM/$path"
done
# shellcheck disable=SC2086 # word splitting of $members is intended
tar -xf "$orig" $members

complete || { log "extraction incomplete under $TREE"; exit 1; }
echo "$TREE"

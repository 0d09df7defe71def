#!/usr/bin/env bash
# Builds the test guest that driver-kvm's integration tests boot under TCG: Debian's cloud
# kernel (linux-image-cloud-amd64) and a busybox initramfs (busybox-static) that loads the ACPI
# button, evdev and virtio modules, runs busybox acpid so the ACPI power button powers the guest
# off, and prints JVIRT-GUEST-READY on the console (ttyS0 with console=ttyS0) once it would act on
# the power button. With jvirt.panic on its kernel command line it then panics (sysrq 'c'), which
# the pvpanic modules report to QEMU's pvpanic device; CONFIG_PANIC_TIMEOUT=0 keeps the kernel
# from rebooting itself, so what follows is the host's on_crash.
#
# Usage: build.sh [OUTDIR]   (default $JVIRT_TEST_GUEST, else ~/.cache/jvirt/test-guest)
# Prints OUTDIR, which then holds vmlinuz and initrd.img. Everything comes from Debian's
# packages (apt-get download; no other network). The build is skipped while OUTDIR's stamp names
# this script's current contents, so a cached run costs a checksum.
#
# Boot it by hand:
#   qemu-system-x86_64 -accel tcg -m 128 -nographic -kernel OUTDIR/vmlinuz \
#       -initrd OUTDIR/initrd.img -append 'console=ttyS0 quiet'
set -euo pipefail

out=${1:-${JVIRT_TEST_GUEST:-$HOME/.cache/jvirt/test-guest}}
self=$(readlink -f "${BASH_SOURCE[0]}")
stamp=$(sha256sum "$self" | cut -d' ' -f1)
if [ -f "$out/vmlinuz" ] && [ -f "$out/initrd.img" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "$out"
    exit 0
fi

# Modules the init loads, by name; their dependencies come from the kernel's own metadata.
modules=(button evdev virtio_pci virtio_blk virtio_net virtio_balloon virtio_console virtio_rng virtio_scsi
    pvpanic_mmio pvpanic_pci)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Downloaded packages stay beside the output: a rebuild after a change to this script fetches
# only what Debian has updated since.
debs="$out/debs"
mkdir -p "$debs"

apt_opts=()
# apt drops to the _apt user to download, which can't write a root-owned directory.
[ "$(id -u)" = 0 ] && apt_opts=(-o APT::Sandbox::User=root)
# The path of package $1's candidate .deb in $debs, downloaded unless it is there already.
fetch() {
    local file
    file=$(apt-get download -q "${apt_opts[@]}" --print-uris "$1" | awk '{print $2}')
    [ -n "$file" ] || return 1
    [ -f "$debs/$file" ] || (cd "$debs" && apt-get download -q "${apt_opts[@]}" "$1" >/dev/null)
    echo "$debs/$file"
}
if ! meta_deb=$(fetch linux-image-cloud-amd64 2>/dev/null); then
    # A fresh machine has no package lists yet (or stale ones naming superseded versions).
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        meta_deb=$(fetch linux-image-cloud-amd64)
    else
        echo "build.sh: apt-get download failed; run 'apt-get update' as root" >&2
        exit 1
    fi
fi
busybox_deb=$(fetch busybox-static)
# linux-image-cloud-amd64 only depends on the current versioned image package.
kernel_pkg=$(dpkg-deb -f "$meta_deb" Depends | grep -o 'linux-image-[^ ,]*-cloud-amd64' | head -1)
[ -n "$kernel_pkg" ] || { echo "build.sh: linux-image-cloud-amd64 names no kernel package" >&2; exit 1; }
kernel_deb=$(fetch "$kernel_pkg")

pkgroot="$work/pkg"
dpkg-deb -x "$kernel_deb" "$pkgroot"
dpkg-deb -x "$busybox_deb" "$pkgroot"
busybox="$pkgroot/bin/busybox"
kver=$(ls "$pkgroot/lib/modules")
moddir="$pkgroot/lib/modules/$kver"

# The package ships no modules.dep (depmod runs at install time); busybox's depmod writes one.
"$busybox" depmod -b "$pkgroot" "$kver"

# The closure of the wanted modules over modules.dep, as paths relative to $moddir.
closure() {
    local want=("$@") seen=() m path line deps
    while [ ${#want[@]} -gt 0 ]; do
        m=${want[0]}
        want=("${want[@]:1}")
        line=$(grep -E "(^|/)${m//_/[-_]}\.ko(\.xz|\.zst|\.gz)?:" "$moddir/modules.dep" || true)
        [ -n "$line" ] || { echo "build.sh: module $m is not in $kver" >&2; exit 1; }
        path=${line%%:*}
        case " ${seen[*]:-} " in *" $path "*) continue ;; esac
        seen+=("$path")
        deps=${line#*:}
        for d in $deps; do
            d=${d##*/}
            want+=("${d%%.ko*}")
        done
    done
    printf '%s\n' "${seen[@]}"
}

root="$work/initramfs"
mkdir -p "$root"/{bin,dev,proc,sys,etc/acpi/PWRF,lib/modules/"$kver"}
cp "$busybox" "$root/bin/busybox"
for applet in sh mount modprobe insmod acpid poweroff sleep usleep ls grep; do
    ln -s busybox "$root/bin/$applet"
done
# An assignment, so that set -e stops the build when a module is missing.
rels=$(closure "${modules[@]}")
for rel in $rels; do
    mkdir -p "$root/lib/modules/$kver/$(dirname "$rel")"
    case $rel in
        # Compressed modules are unpacked here, so the guest's busybox needs no decompressor.
        *.ko.xz) xz -dc "$moddir/$rel" > "$root/lib/modules/$kver/${rel%.xz}" ;;
        *.ko.zst) zstd -qdc "$moddir/$rel" > "$root/lib/modules/$kver/${rel%.zst}" ;;
        *.ko.gz) gzip -dc "$moddir/$rel" > "$root/lib/modules/$kver/${rel%.gz}" ;;
        *) cp "$moddir/$rel" "$root/lib/modules/$kver/$rel" ;;
    esac
done
"$busybox" depmod -b "$root" "$kver"

# busybox acpid turns the power button's evdev key into /etc/acpi/PWRF/00000080.
cat > "$root/etc/acpi/PWRF/00000080" <<'SCRIPT'
#!/bin/sh
echo JVIRT-GUEST-POWEROFF > /dev/console
poweroff -f
SCRIPT
cat > "$root/init" <<SCRIPT
#!/bin/sh
mount -t devtmpfs dev /dev
mount -t proc proc /proc
mount -t sysfs sys /sys
for m in ${modules[*]}; do
    modprobe \$m || echo "init: modprobe \$m failed" > /dev/console
done
# acpid logs each event to the console; the marker waits until it holds the input devices open,
# so a power button pressed after the marker is never lost.
acpid -f -c /etc/acpi -l /dev/console &
acpid=\$!
until ls -l /proc/\$acpid/fd 2>/dev/null | grep -q /dev/input/event; do usleep 10000; done
echo JVIRT-GUEST-READY > /dev/console
if grep -q jvirt.panic /proc/cmdline; then
    echo c > /proc/sysrq-trigger
fi
# PID 1 must not exit; it idles while acpid waits for the power button.
while :; do sleep 3600; done
SCRIPT
chmod 755 "$root/init" "$root/etc/acpi/PWRF/00000080"

mkdir -p "$out"
(cd "$root" && find . | "$busybox" cpio -o -H newc 2>/dev/null) | gzip -9 > "$work/initrd.img"
cp "$pkgroot/boot/vmlinuz-$kver" "$work/vmlinuz"
mv "$work/vmlinuz" "$out/vmlinuz"
mv "$work/initrd.img" "$out/initrd.img"
echo "$kver $kernel_pkg" > "$out/kernel-version"
echo "$stamp" > "$out/stamp"
echo "$out"

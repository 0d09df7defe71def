package io.jvirt.driver.kvm;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one QEMU binary can do, as probed over QMP by {@link QemuProber}.
 *
 * @param binary the probed {@code qemu-system-*} binary
 * @param version {@code major.minor.micro}, e.g. {@code 7.2.22}
 * @param packageName the distribution's package string, e.g. {@code Debian 1:7.2+dfsg-7+deb12u18+b3}
 * @param machines machine types, in QEMU's order
 * @param cpuModels CPU model names ({@code -cpu help} without the host-dependent ones)
 * @param accelerators accelerators built in, e.g. {@code tcg}, {@code kvm}
 * @param kvmUsable KVM is built in and /dev/kvm can be opened for reading and writing
 * @param sandbox {@code -sandbox} (seccomp) is built in
 */
record QemuCapabilities(Path binary, String version, String packageName, List<Machine> machines,
        List<String> cpuModels, Set<String> accelerators, boolean kvmUsable, boolean sandbox) {

    /** A machine type; {@code alias} is its short name ({@code pc}, {@code q35}) or null. */
    record Machine(String name, String alias, boolean isDefault, int cpuMax, boolean deprecated) {
    }

    /**
     * The canonical machine for a name or alias ({@code pc} → {@code pc-i440fx-7.2}), the default
     * machine for null, or empty when QEMU has no such machine. Resolving at define time keeps the
     * guest's ABI fixed across QEMU upgrades, saves and migrations, as libvirt does.
     */
    Optional<String> resolveMachine(String nameOrAlias) {
        for (Machine m : machines) {
            if (nameOrAlias == null ? m.isDefault()
                    : nameOrAlias.equals(m.name()) || nameOrAlias.equals(m.alias())) {
                return Optional.of(m.name());
            }
        }
        return Optional.empty();
    }

    /**
     * The guest architectures this binary runs, in libvirt's names, from its file name as
     * libvirt reads it: {@code qemu-system-x86_64} runs x86_64 and i686 guests,
     * {@code qemu-system-i386} only i686 ones. The first is the default.
     */
    List<String> guestArchs() {
        String name = binary.getFileName().toString();
        String target = name.startsWith("qemu-system-") ? name.substring("qemu-system-".length()).split("-")[0] : "";
        return switch (target) {
            case "x86_64" -> List.of("x86_64", "i686");
            case "i386" -> List.of("i686");
            default -> List.of(target);
        };
    }

    Optional<Machine> machine(String name) {
        return machines.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** {@code major*1_000_000 + minor*1_000 + micro}, libvirt's way to compare versions. */
    int versionNumber() {
        String[] parts = version.split("\\.");
        int n = 0;
        for (int i = 0; i < 3; i++) {
            n = n * 1000 + (i < parts.length ? Integer.parseInt(parts[i]) : 0);
        }
        return n;
    }
}

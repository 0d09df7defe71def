package io.jvirt.driver.kvm;

import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a persistent domain last shut off (saved, shutdown, destroyed, crashed, ...), in
 * DIR/run/qemu/NAME.shutoff. libvirtd remembers this in memory for as long as it runs; here the
 * "daemon" is whichever process has the URI open, often one jvirsh command, so the next one reads
 * it from this file and {@code domstate --reason} answers as virsh does. Under the run directory,
 * so a host reboot forgets it, as a libvirtd restart does.
 */
final class ShutoffRecord {
    private static final String SUFFIX = ".shutoff";

    private ShutoffRecord() {
    }

    static void remember(Path runDir, String name, DomainStateInfo state) {
        if (state.state() != DomainState.SHUTOFF) {
            return;
        }
        try {
            Files.writeString(runDir.resolve(name + SUFFIX), state.reason().value() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // only the reason is lost: the next process says "unknown", as a restarted libvirtd
        }
    }

    static Optional<DomainStateInfo> recall(Path runDir, String name) {
        try {
            int reason = Integer.parseInt(Files.readString(runDir.resolve(name + SUFFIX), StandardCharsets.US_ASCII).strip());
            return Optional.of(new DomainStateInfo(DomainState.SHUTOFF, DomainStateReason.of(DomainState.SHUTOFF, reason)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void forget(Path runDir, String name) {
        QemuHost.deleteQuietly(runDir.resolve(name + SUFFIX));
    }
}

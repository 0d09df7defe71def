package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.OsTypeDef;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/**
 * What libvirt fills in when a domain is defined, so the stored XML fixes the guest's ABI:
 * the canonical machine type ({@code pc} → {@code pc-i440fx-7.2}) and a MAC address for each
 * NIC (QEMU's prefix 52:54:00, the rest random).
 */
final class QemuDomainDefaults {
    private static final Random RANDOM = new SecureRandom();

    private QemuDomainDefaults() {
    }

    /** Fills {@code def} in place. */
    static void apply(DomainDef def, QemuCapabilities caps) {
        if (def.getOs() != null && "hvm".equals(def.getOs().getTypeName())) {
            OsTypeDef type = def.getOs().getType();
            if (type.getArch() == null) {
                type.setArch(caps.guestArchs().get(0));
            }
            QemuCommandLine.checkArch(type.getArch(), caps);
            String requested = type.getMachine();
            type.setMachine(caps.resolveMachine(requested).orElseThrow(() -> unsupported(
                    "machine type '" + requested + "' is not supported by " + caps.binary())));
        }
        for (DomainInterfaceDef nic : def.getInterfaces()) {
            fillMac(nic);
        }
    }

    /** Gives {@code nic} (if not null) a random 52:54:00 MAC address unless it has one. */
    static void fillMac(DomainInterfaceDef nic) {
        if (nic != null && nic.getMacAddress() == null) {
            byte[] tail = new byte[3];
            RANDOM.nextBytes(tail);
            nic.setMacAddress("52:54:00:" + HexFormat.ofDelimiter(":").formatHex(tail));
        }
    }
}

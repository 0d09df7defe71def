package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.spi.host.Bridges;
import io.jvirt.spi.host.NetDevices;
import io.jvirt.spi.host.Taps;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.InterfaceTargetDef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guest NICs on a bridge ({@code <interface type='bridge'|'network'>}), as libvirt's
 * qemuInterfaceBridgeConnect does it with one difference: QEMU opens the tap by name (libvirt
 * opens it and passes the fd, which a JVM can't hand to a child). So the tap is QEMU's own,
 * non-persistent one: the kernel deletes it when QEMU exits, however QEMU exits, even with no
 * JVM watching. Between QEMU's start (paused, {@code -S}) and {@code cont} the driver puts it on
 * its bridge.
 */
final class QemuTaps {
    /** libvirt's lastTapNum: tap names count up within a process, so a name is not reused at once. */
    private static final AtomicInteger NEXT = new AtomicInteger();

    private QemuTaps() {
    }

    /**
     * Gives each bridged NIC of {@code live} (the running copy of the definition) its bridge
     * ({@code <source bridge>}, also for a network NIC, as libvirt's live XML shows it) and a free
     * tap name ({@code <target dev='vnetN'/>}), checking that the bridge exists.
     */
    static void assign(DomainDef live, QemuNetworks networks) {
        for (DomainInterfaceDef nic : bridged(live)) {
            String bridge;
            if ("network".equals(nic.getType())) {
                String network = nic.getSource() == null ? null : nic.getSource().getNetwork();
                if (network == null) {
                    throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.QEMU,
                            "No <source> 'network' attribute specified with <interface type='network'/>");
                }
                bridge = networks.bridgeOf(network);
                nic.getSource().setBridge(bridge);
            } else {
                bridge = nic.getSource() == null ? null : nic.getSource().getBridge();
                if (bridge == null) {
                    throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.QEMU,
                            "No <source> 'bridge' attribute specified with <interface type='bridge'/>");
                }
            }
            if (!Bridges.isBridge(bridge)) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "bridge '" + bridge + "' does not exist on this host");
            }
            String dev = nic.getTarget() == null ? null : nic.getTarget().getDev();
            if (dev == null || dev.startsWith("vnet")) {
                dev = freeTapName(); // libvirt, too, reassigns vnetN names at each start
            } else {
                NetDevices.checkName(dev);
            }
            if (nic.getTarget() == null) {
                nic.setTarget(new InterfaceTargetDef(dev));
            } else {
                nic.getTarget().setDev(dev);
            }
        }
    }

    /** Puts each tap QEMU opened on its bridge, with libvirt's host-side MAC. */
    static void plug(DomainDef live) {
        for (DomainInterfaceDef nic : bridged(live)) {
            Taps.attach(nic.getTarget().getDev(), nic.getSource().getBridge(), nic.getMacAddress());
        }
    }

    private static List<DomainInterfaceDef> bridged(DomainDef def) {
        List<DomainInterfaceDef> out = new ArrayList<>();
        for (DomainInterfaceDef nic : def.getInterfaces()) {
            if ("bridge".equals(nic.getType()) || "network".equals(nic.getType())) {
                out.add(nic);
            }
        }
        return out;
    }

    private static String freeTapName() {
        while (true) {
            String name = "vnet" + NEXT.getAndIncrement();
            if (!NetDevices.exists(name)) {
                return name;
            }
        }
    }
}

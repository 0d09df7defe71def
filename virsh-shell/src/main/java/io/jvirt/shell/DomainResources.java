package io.jvirt.shell;

import io.jvirt.Domain;
import io.jvirt.DomainModification;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/** virsh's setmem, setmaxmem, setvcpus and vcpucount: scaled sizes and live/config/maximum counts. */
final class DomainResources {
    private DomainResources() {
    }

    // ---- memory and vCPUs ----

    /** The largest KiB count the API takes, as virsh's unsigned long on 64-bit hosts. */
    private static final long ULONG_MAX = -1L;

    private static long kibUp(long bytes) {
        return Long.divideUnsigned(bytes, 1024) + (Long.remainderUnsigned(bytes, 1024) != 0 ? 1 : 0);
    }

    static boolean setmem(Invocation inv) {
        boolean config = inv.bool("config");
        boolean live = inv.bool("live");
        boolean current = inv.bool("current");
        inv.exclusive("current", "live");
        inv.exclusive("current", "config");
        List<DomainModification> flags = new ArrayList<>();
        if (config || live || current) {
            if (config) {
                flags.add(DomainModification.CONFIG);
            }
            if (live) {
                flags.add(DomainModification.LIVE);
            }
        } else {
            flags.add(DomainModification.LIVE);
        }
        Domain dom = Lookups.domain(inv);
        long bytes = inv.scaled("size", 1024, ULONG_MAX);
        dom.setMemory(kibUp(bytes), flags.toArray(new DomainModification[0]));
        return true;
    }

    static boolean setmaxmem(Invocation inv) {
        boolean config = inv.bool("config");
        boolean live = inv.bool("live");
        inv.exclusive("current", "live");
        inv.exclusive("current", "config");
        List<DomainModification> flags = new ArrayList<>();
        if (config) {
            flags.add(DomainModification.CONFIG);
        }
        if (live) {
            flags.add(DomainModification.LIVE);
        }
        flags.add(DomainModification.MAXIMUM);
        Domain dom = Lookups.domain(inv);
        long bytes = inv.scaled("size", 1024, ULONG_MAX);
        try {
            dom.setMemory(kibUp(bytes), flags.toArray(new DomainModification[0]));
        } catch (VirtException e) {
            throw CommandFailure.of("Unable to change MaxMemorySize", e);
        }
        return true;
    }

    static boolean setvcpus(Invocation inv) {
        boolean maximum = inv.bool("maximum");
        boolean config = inv.bool("config");
        boolean live = inv.bool("live");
        boolean current = inv.bool("current");
        boolean guest = inv.bool("guest");
        inv.exclusive("current", "live");
        inv.exclusive("current", "config");
        inv.exclusive("guest", "config");
        Invocation.requireOption("maximum", maximum, "config", config);
        Set<DomainModification> flags = EnumSet.noneOf(DomainModification.class);
        DomainCommands.add(inv, flags, "config", DomainModification.CONFIG);
        DomainCommands.add(inv, flags, "live", DomainModification.LIVE);
        DomainCommands.add(inv, flags, "guest", DomainModification.GUEST);
        DomainCommands.add(inv, flags, "maximum", DomainModification.MAXIMUM);
        DomainCommands.add(inv, flags, "hotpluggable", DomainModification.HOTPLUGGABLE);
        Domain dom = Lookups.domain(inv);
        long count = inv.unsigned("count");
        if (count == 0) {
            throw CommandFailure.of("Can't set 0 processors for a VM");
        }
        if (!current && flags.isEmpty()) {
            // virDomainSetVcpus changes the running guest only.
            dom.setVcpus((int) count, DomainModification.LIVE);
        } else {
            dom.setVcpus((int) count, flags.toArray(new DomainModification[0]));
        }
        return true;
    }

    static boolean vcpucount(Invocation inv) {
        boolean maximum = inv.bool("maximum");
        boolean active = inv.bool("active");
        boolean config = inv.bool("config");
        boolean live = inv.bool("live");
        boolean current = inv.bool("current");
        boolean guest = inv.bool("guest");
        boolean all = !maximum && !active && !current && !config && !live && !guest;
        if (!maximum && !active && current) {
            current = false;
        }
        Invocation.exclusive("live", live, "config", config);
        Invocation.exclusive("current", current, "live", live);
        Invocation.exclusive("current", current, "config", config);
        Invocation.exclusive("active", active, "maximum", maximum);
        Invocation.exclusive("guest", guest, "config", config);
        Set<DomainModification> flags = EnumSet.noneOf(DomainModification.class);
        if (live) {
            flags.add(DomainModification.LIVE);
        }
        if (config) {
            flags.add(DomainModification.CONFIG);
        }
        if (maximum) {
            flags.add(DomainModification.MAXIMUM);
        }
        if (guest) {
            flags.add(DomainModification.GUEST);
        }
        Domain dom = Lookups.domain(inv);
        if (all) {
            int confMax = countVcpus(inv, dom, EnumSet.of(DomainModification.CONFIG, DomainModification.MAXIMUM), true);
            int confCur = countVcpus(inv, dom, EnumSet.of(DomainModification.CONFIG), true);
            int liveMax = countVcpus(inv, dom, EnumSet.of(DomainModification.LIVE, DomainModification.MAXIMUM), true);
            int liveCur = countVcpus(inv, dom, EnumSet.of(DomainModification.LIVE), true);
            if (confMax == -2 || confCur == -2 || liveMax == -2 || liveCur == -2) {
                return false;
            }
            printCount(inv, confMax, "maximum", "config");
            printCount(inv, liveMax, "maximum", "live");
            printCount(inv, confCur, "current", "config");
            printCount(inv, liveCur, "current", "live");
        } else {
            int count = countVcpus(inv, dom, flags, false);
            if (count < 0) {
                return false;
            }
            inv.print(count + "\n");
        }
        return true;
    }

    private static void printCount(Invocation inv, int value, String which, String state) {
        if (value > 0) {
            inv.print(Text.left(which, 12) + " " + Text.left(state, 12) + " " + Text.right(Integer.toString(value), 3) + "\n");
        }
    }

    /** virshCPUCountCollect: -1 when the state makes the value meaningless, -2 on error. */
    private static int countVcpus(Invocation inv, Domain dom, Set<DomainModification> flags, boolean checkState) {
        try {
            if (checkState && ((flags.contains(DomainModification.LIVE) && !dom.isActive())
                    || (flags.contains(DomainModification.CONFIG) && !dom.isPersistent()))) {
                return -1;
            }
        } catch (VirtException e) {
            return -1;
        }
        try {
            return dom.vcpus(flags.toArray(new DomainModification[0]));
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT && e.code() != ErrorCode.INVALID_ARG) {
                inv.shell().setLastError(e);
                return -2;
            }
            if (flags.contains(DomainModification.GUEST)) {
                // virsh reports the library error after its own line here
                inv.shell().error("Failed to retrieve vCPU count from the guest");
                inv.shell().setLastError(e);
                return -2;
            }
        }
        try {
            boolean liveWanted = flags.contains(DomainModification.LIVE)
                    || (!flags.contains(DomainModification.CONFIG) && dom.isActive());
            if (liveWanted) {
                return flags.contains(DomainModification.MAXIMUM) ? dom.maxVcpus() : dom.info().vcpus();
            }
            Element vcpu = XmlDocuments.child(XmlDocuments.parse(dom.xml(DomainXmlFlag.INACTIVE)), "vcpu");
            String text = flags.contains(DomainModification.MAXIMUM)
                    ? (vcpu == null ? "" : vcpu.getTextContent()) : XmlDocuments.attr(vcpu, "current");
            Integer n = text == null ? null : CNumbers.parseInt(text.trim());
            if (n == null) {
                inv.shell().error(flags.contains(DomainModification.MAXIMUM)
                        ? "Failed to retrieve maximum vcpu count" : "Failed to retrieve current vcpu count");
                return -2;
            }
            return n;
        } catch (VirtException e) {
            inv.shell().setLastError(e);
            return -2;
        }
    }

}

package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.DomainModification;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.VirtException;
import io.jvirt.spi.ModificationImpact;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.VcpuDef;
import java.util.Set;

/**
 * Memory and vCPU counts, as libvirt's qemuDomainSetMemoryFlags and qemuDomainSetVcpusFlags:
 * the live memory moves through the virtio balloon (the guest's driver does the work, and
 * reports back with BALLOON_CHANGE); the persistent definition takes any value QEMU could be
 * started with. Nothing changes unless every side the flags name accepts the change. Called
 * with the domain locked.
 */
final class QemuResources {
    private QemuResources() {
    }

    // ---- memory ----

    static void setMemory(QemuHost host, QemuDomain d, long kib, Set<DomainModification> flags) {
        check(flags, DomainModification.LIVE.value() | DomainModification.CONFIG.value()
                | DomainModification.MAXIMUM.value(), "qemuDomainSetMemoryFlags");
        ModificationImpact impact = ModificationImpact.of(d.isActive(), d.isPersistent(), flags);
        if (flags.contains(DomainModification.MAXIMUM)) {
            if (impact.live()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot resize the maximum memory on an active domain");
            }
            DomainDef c = LibvirtXml.copy(d.persistentDef());
            c.setMemoryKiB(kib);
            if (c.getCurrentMemoryKiB() > kib) {
                c.setCurrentMemoryKiB(kib);
            }
            storeConfig(host, d, c);
            return;
        }
        if (impact.live() && kib > d.run.def().getMemoryKiB()
                || impact.config() && kib > d.persistentDef().getMemoryKiB()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "cannot set memory higher than max memory");
        }
        DomainDef c = null;
        if (impact.config()) {
            c = LibvirtXml.copy(d.persistentDef());
            c.setCurrentMemoryKiB(kib);
            QemuCommandLine.build(c, host.caps(c), host.runDir.resolve("check.sock"));
        }
        if (impact.live()) {
            if (!hasBalloon(d.run.def())) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "Unable to change memory of active domain without the balloon device and guest OS"
                                + " balloon driver");
            }
            // The target only: the live XML follows the guest's BALLOON_CHANGE, as libvirt's cur_balloon.
            d.run.monitor().execute("balloon", JsonNodeFactory.instance.objectNode().put("value", kib * 1024));
        }
        if (c != null) {
            storeConfig(host, d, c);
        }
    }

    static boolean hasBalloon(DomainDef def) {
        return def.getDevices() != null && def.getDevices().getMemballoon() != null
                && "virtio".equals(def.getDevices().getMemballoon().getModel());
    }

    /** What the guest has now, in KiB: the balloon's size, or all of it without {@code <currentMemory>}. */
    static long currentMemoryKiB(DomainDef def) {
        long cur = def.getCurrentMemoryKiB();
        return cur > 0 ? cur : def.getMemoryKiB();
    }

    /** libvirt's qemuProcessSetupBalloon: a guest defined below its maximum starts ballooned. */
    static void balloonAtStart(QemuRun run) {
        long cur = run.def().getCurrentMemoryKiB();
        if (cur > 0 && cur < run.def().getMemoryKiB() && hasBalloon(run.def())) {
            run.monitor().execute("balloon", JsonNodeFactory.instance.objectNode().put("value", cur * 1024));
        }
    }

    // ---- vCPUs ----

    static void setVcpus(QemuHost host, QemuDomain d, int count, Set<DomainModification> flags) {
        check(flags, DomainModification.LIVE.value() | DomainModification.CONFIG.value()
                | DomainModification.MAXIMUM.value() | DomainModification.GUEST.value()
                | DomainModification.HOTPLUGGABLE.value(), "qemuDomainSetVcpusFlags");
        noAgent(flags);
        if (count < 1) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "Invalid number of vCPUs: " + count);
        }
        ModificationImpact impact = ModificationImpact.of(d.isActive(), d.isPersistent(), flags);
        boolean maximum = flags.contains(DomainModification.MAXIMUM);
        if (impact.live()) {
            if (maximum) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "maximum vcpu count of a live domain can't be modified");
            }
            int max = d.run.def().getVcpuCount();
            if (count > max) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "requested vcpus is greater than max allowable vcpus for the live domain: "
                                + count + " > " + max);
            }
            if (count != currentVcpus(d.run.def())) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "changing the vCPU count of a running domain (vCPU hotplug) is not supported by the"
                                + " QEMU driver; change the persistent definition with the config flag");
            }
        }
        if (impact.config()) {
            DomainDef c = LibvirtXml.copy(d.persistentDef());
            VcpuDef vcpu = c.getVcpu() == null ? new VcpuDef(1) : c.getVcpu();
            c.setVcpu(vcpu);
            int max = c.getVcpuCount();
            if (maximum) {
                int current = Math.min(currentVcpus(c), count);
                vcpu.setCount(count);
                vcpu.setCurrent(current == count ? null : Integer.toString(current));
            } else {
                if (count > max) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                            "requested vcpus is greater than max allowable vcpus for the persistent domain: "
                                    + count + " > " + max);
                }
                vcpu.setCurrent(count == max ? null : Integer.toString(count));
            }
            storeConfig(host, d, c);
        }
    }

    static int getVcpus(QemuDomain d, Set<DomainModification> flags) {
        check(flags, DomainModification.LIVE.value() | DomainModification.CONFIG.value()
                | DomainModification.MAXIMUM.value() | DomainModification.GUEST.value(), "qemuDomainGetVcpusFlags");
        noAgent(flags);
        DomainDef def = ModificationImpact.oneLive(d.isActive(), d.isPersistent(), flags) ? d.run.def() : d.persistentDef();
        return flags.contains(DomainModification.MAXIMUM) ? def.getVcpuCount() : currentVcpus(def);
    }

    /** The vCPUs online at boot: {@code <vcpu current='N'>}, else all of them. */
    static int currentVcpus(DomainDef def) {
        VcpuDef v = def.getVcpu();
        if (v == null || v.getCurrent() == null) {
            return Math.max(1, def.getVcpuCount());
        }
        try {
            return Integer.parseInt(v.getCurrent().strip());
        } catch (NumberFormatException e) {
            return Math.max(1, def.getVcpuCount());
        }
    }

    // ---- helpers ----

    private static void check(Set<DomainModification> flags, long allowed, String function) {
        long mask = Flag.mask(flags);
        if ((mask & ~allowed) != 0) {
            throw VirtException.unsupportedFlags(ErrorDomain.QEMU, mask, function);
        }
    }

    private static void noAgent(Set<DomainModification> flags) {
        if (flags.contains(DomainModification.GUEST)) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "QEMU guest agent is not configured");
        }
    }

    /** Checks that QEMU could start {@code c}, then makes it the persistent definition. */
    private static void storeConfig(QemuHost host, QemuDomain d, DomainDef c) {
        QemuCommandLine.build(c, host.caps(c), host.runDir.resolve("check.sock"));
        host.writeConfig(d.name, c);
        d.setPersistentDef(c);
    }
}

package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jvirt.VirtException;
import io.jvirt.driver.kvm.qmp.QmpClient;
import io.jvirt.xml.DomainDef;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libvirt's qemuProcessUpdateDevices, on reconnect: a device QEMU deleted while no process held
 * its monitor (a detach that outlived its wait, then its process, as one jvirsh command does,
 * or a device_del from another client) leaves the live XML, and what only the missed
 * DEVICE_DELETED would have released goes too: a disk's block nodes, a NIC's netdev (and with
 * it the tap QEMU opened for a bridged NIC, which the kernel deletes once QEMU closes it).
 */
final class QemuMissedUnplugs {
    private static final System.Logger LOG = System.getLogger(QemuMissedUnplugs.class.getName());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The ids the argv builder and hotplug give NICs and their netdevs. */
    private static final Pattern NIC_ID = Pattern.compile("net\\d+");
    private static final Pattern NETDEV_ID = Pattern.compile("hostnet\\d+");
    /** A top-level line of HMP's {@code info network}: a NIC, or a netdev no NIC holds. */
    private static final Pattern NETWORK_LINE = Pattern.compile("(\\S+): index=\\d+,type=([a-z-]+),(.*)");
    private static final Pattern MAC = Pattern.compile("macaddr=([0-9a-fA-F:]{17})");

    private QemuMissedUnplugs() {
    }

    /** Forgets in {@code def} what QEMU no longer has. True if something went: the caller writes the status file. */
    static boolean forget(QmpClient qmp, DomainDef def) {
        Set<String> present = QemuHotplug.peripheralIds(qmp);
        boolean disks = forgetDisks(qmp, def, present);
        boolean nics = forgetNics(qmp, def, present);
        return disks || nics;
    }

    /**
     * {@code def}, parsed on first need for a run found again (see {@link QemuRun#def()}), less
     * what QEMU deleted meanwhile; the status file catches up at its next write.
     */
    static DomainDef without(QemuRun run, DomainDef def) {
        QmpClient qmp = run.qmp;
        if (qmp != null) {
            forget(qmp, def);
        }
        return def;
    }

    private static boolean forgetDisks(QmpClient qmp, DomainDef def, Set<String> present) {
        boolean changed = def.getDevices().getDisks().removeIf(disk -> "virtio".equals(QemuHotplug.bus(disk))
                && QemuHotplug.VIRTIO_TARGET.matcher(String.valueOf(disk.getTargetDev())).matches()
                && !present.contains(QemuHotplug.diskId(disk)));
        if (!changed) {
            return false;
        }
        Set<String> inUse = new HashSet<>();
        for (JsonNode b : qmp.execute("query-block")) {
            inUse.add(b.path("inserted").path("node-name").asText(""));
        }
        for (JsonNode node : qmp.execute("query-named-block-nodes", JSON.objectNode().put("flat", true))) {
            String name = node.path("node-name").asText("");
            Matcher m = QemuHotplug.NODE.matcher(name);
            if (m.matches() && m.group(2).equals("format") && !inUse.contains(name)) {
                try {
                    qmp.execute("blockdev-del", JSON.objectNode().put("node-name", name));
                    qmp.execute("blockdev-del", JSON.objectNode().put("node-name", "libvirt-" + m.group(1) + "-storage"));
                } catch (VirtException e) {
                    // A node QEMU keeps costs an open file, not the guest: don't fail the reconnect.
                    LOG.log(System.Logger.Level.WARNING, "cannot release block node " + name, e);
                }
            }
        }
        return true;
    }

    /**
     * NICs by MAC, as a detach finds them. QOM's peripherals show that one went (fewer NICs than
     * the XML holds); which one, and the netdevs left without a NIC, only HMP's {@code info
     * network} tells: QMP has no query for netdevs.
     */
    private static boolean forgetNics(QmpClient qmp, DomainDef def, Set<String> present) {
        long plugged = present.stream().filter(id -> NIC_ID.matcher(id).matches()).count();
        if (def.getDevices() == null || plugged >= def.getDevices().getInterfaces().size()) {
            return false;
        }
        Set<String> macs = new HashSet<>();
        Set<String> orphans = new HashSet<>();
        String network = qmp.execute("human-monitor-command", JSON.objectNode()
                .put("command-line", "info network")).asText();
        for (String line : network.split("\r?\n")) {
            Matcher m = NETWORK_LINE.matcher(line); // a netdev under its NIC is indented: not matched
            if (!m.matches()) {
                continue;
            }
            if (m.group(2).equals("nic")) {
                Matcher mac = MAC.matcher(m.group(3));
                if (mac.find()) {
                    macs.add(mac.group(1).toLowerCase(Locale.ROOT));
                }
            } else if (NETDEV_ID.matcher(m.group(1)).matches()) {
                orphans.add(m.group(1));
            }
        }
        boolean changed = def.getDevices().getInterfaces().removeIf(nic -> nic.getMacAddress() != null
                && !macs.contains(nic.getMacAddress().toLowerCase(Locale.ROOT)));
        for (String netdev : orphans) {
            try {
                qmp.execute("netdev_del", JSON.objectNode().put("id", netdev));
            } catch (VirtException e) {
                // A netdev QEMU keeps costs a socket or a tap, not the guest: don't fail the reconnect.
                LOG.log(System.Logger.Level.WARNING, "cannot release netdev " + netdev, e);
            }
        }
        return changed;
    }
}

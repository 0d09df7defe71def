package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.xml.DevicesDef;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.ExtensibleElement;
import io.jvirt.xml.LibvirtXml;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A device to attach or detach, from an XML snippet such as {@code <disk>...</disk>}. Disks are
 * matched by target, NICs by MAC address, other devices by their whole XML, as libvirt matches
 * them in its hypervisor drivers.
 */
final class DeviceConfig {
    private final String kind;
    private final DevicesDef parsed;

    private DeviceConfig(String kind, DevicesDef parsed) {
        this.kind = kind;
        this.parsed = parsed;
    }

    static DeviceConfig parse(String xml) {
        // Checked to be one safe, well-formed element first, so wrapping it can't change its meaning.
        Element root = LibvirtXml.parseElement(xml);
        String snippet = LibvirtXml.formatElement(root);
        DomainDef wrapper = LibvirtXml.parseDomain(
                "<domain type='test'><devices>" + snippet + "</devices></domain>");
        DevicesDef devices = wrapper.getOrCreateDevices();
        if (count(devices) != 1) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "unknown device type '" + root.getLocalName() + "'");
        }
        return new DeviceConfig(root.getLocalName(), devices);
    }

    private static int count(DevicesDef d) {
        return d.getDisks().size() + d.getInterfaces().size() + d.getControllers().size()
                + d.getFilesystems().size() + d.getSerials().size() + d.getParallels().size()
                + d.getConsoles().size() + d.getChannels().size() + d.getInputs().size()
                + d.getGraphics().size() + d.getVideos().size() + d.getHostdevs().size()
                + d.getRngs().size() + (d.getMemballoon() != null ? 1 : 0) + d.getExtraElements().size();
    }

    DiskDef disk() {
        return parsed.getDisks().isEmpty() ? null : parsed.getDisks().get(0);
    }

    private DomainInterfaceDef nic() {
        return parsed.getInterfaces().isEmpty() ? null : parsed.getInterfaces().get(0);
    }

    void addTo(DomainDef def) {
        DevicesDef target = def.getOrCreateDevices();
        if (disk() != null) {
            target.getDisks().add(disk());
        } else if (nic() != null) {
            target.getInterfaces().add(nic());
        } else {
            for (Listed l : lists(target)) {
                if (!l.from(parsed).isEmpty()) {
                    l.into(target).addAll(l.from(parsed));
                    return;
                }
            }
            if (parsed.getMemballoon() != null) {
                target.setMemballoon(parsed.getMemballoon());
            } else {
                target.getExtraElements().addAll(parsed.getExtraElements());
            }
        }
    }

    /** The index of the matching device in its list; DEVICE_MISSING when there is none. */
    int findIn(DomainDef def) {
        DevicesDef target = def.getOrCreateDevices();
        if (disk() != null) {
            String dev = disk().getTarget() == null ? null : disk().getTarget().getDev();
            List<DiskDef> disks = target.getDisks();
            for (int i = 0; i < disks.size(); i++) {
                if (disks.get(i).getTarget() != null && dev != null && dev.equals(disks.get(i).getTarget().getDev())) {
                    return i;
                }
            }
            throw missing("disk " + dev + " not found");
        }
        if (nic() != null) {
            String mac = nic().getMacAddress();
            List<DomainInterfaceDef> nics = target.getInterfaces();
            for (int i = 0; i < nics.size(); i++) {
                if (mac == null || mac.equalsIgnoreCase(nics.get(i).getMacAddress())) {
                    return i;
                }
            }
            throw missing("no device matching MAC address " + mac + " found");
        }
        String wanted = xmlOf(parsed);
        for (Listed l : lists(target)) {
            List<? extends ExtensibleElement> have = l.into(target);
            for (int i = 0; i < have.size(); i++) {
                if (!l.from(parsed).isEmpty() && wanted.equals(xmlOf(have.get(i)))) {
                    return i;
                }
            }
        }
        throw missing("matching " + kind + " device not found");
    }

    void removeFrom(DomainDef def) {
        int index = findIn(def);
        DevicesDef target = def.getOrCreateDevices();
        if (disk() != null) {
            target.getDisks().remove(index);
        } else if (nic() != null) {
            target.getInterfaces().remove(index);
        } else {
            for (Listed l : lists(target)) {
                if (!l.from(parsed).isEmpty()) {
                    l.into(target).remove(index);
                    return;
                }
            }
        }
    }

    private static VirtException missing(String what) {
        return new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.DOMAIN, what);
    }

    private static String xmlOf(Object device) {
        if (device instanceof DevicesDef d) {
            for (Listed l : lists(d)) {
                if (!l.from(d).isEmpty()) {
                    return xmlOf(l.from(d).get(0));
                }
            }
            return "";
        }
        DomainDef holder = new DomainDef("test", "x");
        DevicesDef devs = holder.getOrCreateDevices();
        for (Listed l : lists(devs)) {
            if (l.accepts(device)) {
                l.add(devs, device);
            }
        }
        return LibvirtXml.format(holder);
    }

    /** The device lists other than disks and NICs, uniformly. */
    private record Listed(java.util.function.Function<DevicesDef, List<? extends ExtensibleElement>> get,
            Class<?> type) {
        List<? extends ExtensibleElement> from(DevicesDef d) {
            return get.apply(d);
        }

        @SuppressWarnings("unchecked")
        List<ExtensibleElement> into(DevicesDef d) {
            return (List<ExtensibleElement>) get.apply(d);
        }

        boolean accepts(Object device) {
            return type.isInstance(device);
        }

        void add(DevicesDef d, Object device) {
            into(d).add((ExtensibleElement) device);
        }
    }

    private static List<Listed> lists(DevicesDef unused) {
        return List.of(
                new Listed(DevicesDef::getControllers, io.jvirt.xml.ControllerDef.class),
                new Listed(DevicesDef::getFilesystems, io.jvirt.xml.FilesystemDef.class),
                new Listed(DevicesDef::getSerials, io.jvirt.xml.CharDeviceDef.class),
                new Listed(DevicesDef::getInputs, io.jvirt.xml.InputDef.class),
                new Listed(DevicesDef::getGraphics, io.jvirt.xml.GraphicsDef.class),
                new Listed(DevicesDef::getVideos, io.jvirt.xml.VideoDef.class),
                new Listed(DevicesDef::getHostdevs, io.jvirt.xml.HostdevDef.class),
                new Listed(DevicesDef::getRngs, io.jvirt.xml.RngDef.class));
    }
}

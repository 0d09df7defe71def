package io.jvirt.driver.test;

import io.jvirt.DomainMetadataType;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.xml.DiskDef;
import io.jvirt.xml.DomainDefChecks;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.DomainInterfaceDef;
import io.jvirt.xml.GraphicsDef;
import io.jvirt.xml.InterfaceTargetDef;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.MetadataDef;
import io.jvirt.xml.VcpuDef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/**
 * A domain definition as the test driver keeps it: the XML model plus what the driver asks of
 * it. Not thread-safe; its {@link TestDomain}'s monitor guards it.
 */
final class DomainConfig {
    /** libvirt's test driver namespace ({@code <test:runstate>}, {@code <test:transient/>}, ...). */
    static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";
    /** libvirt's generic checks and defaults, with the test driver's architecture (i686). */
    private static final DomainDefChecks CHECKS = DomainDefChecks.forArch("i686");

    private final String name;
    private final UUID uuid;
    /** The definition; null until {@link #pending} has been asked for it. */
    private DomainDef parsed;
    /** Where a lazily parsed definition comes from (see {@link #lazy}); null once parsed. */
    private Supplier<DomainConfig> pending;

    private DomainConfig(DomainDef def) {
        this.parsed = def;
        this.name = def.getName();
        this.uuid = UUID.fromString(def.getUuid());
    }

    private DomainConfig(String name, UUID uuid, Supplier<DomainConfig> source) {
        this.name = name;
        this.uuid = uuid;
        this.pending = source;
    }

    /**
     * A definition whose name and UUID are known now and whose XML is parsed on first need.
     * Listing domains then costs no XML binding, which is most of a short jvirsh run's time.
     */
    static DomainConfig lazy(String name, UUID uuid, Supplier<DomainConfig> source) {
        return new DomainConfig(name, uuid, source);
    }

    /** The model, parsed now if it was not yet. */
    private DomainDef def() {
        if (parsed == null) {
            DomainConfig real = pending.get();
            if (!real.name.equals(name) || !real.uuid.equals(uuid)) {
                throw new IllegalStateException("lazy definition of " + name + " is " + real.name);
            }
            parsed = real.parsed;
            pending = null;
        }
        return parsed;
    }

    /** Parses, checks and completes domain XML as libvirt's parser does for the test driver. */
    static DomainConfig parse(String xml, boolean validateSchema) {
        return of(LibvirtXml.parseDomain(xml));
    }

    /** Checks and completes an already parsed definition (a node file's inline domain). */
    static DomainConfig of(DomainDef def) {
        CHECKS.apply(def);
        DomainConfig config = new DomainConfig(def);
        TestNamespace.of(config); // its checks apply to every parse, as in libvirt
        return config;
    }

    /** A deep copy, for when the live and persistent definitions part ways. */
    DomainConfig copy() {
        return new DomainConfig(LibvirtXml.copy(def()));
    }

    DomainDef model() {
        return def();
    }

    String name() {
        return name;
    }

    UUID uuid() {
        return uuid;
    }

    long maxMemoryKiB() {
        return def().getMemoryKiB();
    }

    void setMaxMemoryKiB(long kib) {
        def().setMemoryKiB(kib);
    }

    long currentMemoryKiB() {
        return def().getCurrentMemoryKiB();
    }

    void setCurrentMemoryKiB(long kib) {
        def().setCurrentMemoryKiB(kib);
    }

    /** The vCPUs the guest has now ({@code current=}, else the maximum). */
    int vcpus() {
        VcpuDef v = def().getVcpu();
        if (v == null) {
            return 1;
        }
        return v.getCurrent() != null ? Integer.parseInt(v.getCurrent()) : v.getCount();
    }

    int maxVcpus() {
        return def().getVcpuCount();
    }

    /** libvirt's virDomainDefSetVcpus: {@code current=} disappears when it equals the maximum. */
    void setVcpus(int count) {
        VcpuDef v = vcpuDef();
        v.setCurrent(count == v.getCount() ? null : Integer.toString(count));
    }

    /** libvirt's virDomainDefSetVcpusMax: the current count follows the maximum. */
    void setMaxVcpus(int count) {
        VcpuDef v = vcpuDef();
        v.setCount(count);
        v.setCurrent(null);
    }

    private VcpuDef vcpuDef() {
        if (def().getVcpu() == null) {
            def().setVcpu(new VcpuDef(1));
        }
        return def().getVcpu();
    }

    String onPoweroff() {
        return def().getOnPoweroff() == null ? "destroy" : def().getOnPoweroff();
    }

    String onReboot() {
        return def().getOnReboot() == null ? "restart" : def().getOnReboot();
    }

    /** An element of the test namespace ({@code runstate}, {@code transient}, ...), or null. */
    Element testElement(String localName) {
        return def().getExtraElement(TEST_NS, localName);
    }

    /** libvirt's testDomainGenerateIfnames: NICs without a target get testnet0, testnet1, ... */
    void generateInterfaceNames() {
        List<DomainInterfaceDef> nics = def().getInterfaces();
        Set<String> used = new HashSet<>();
        for (DomainInterfaceDef nic : nics) {
            if (nic.getTarget() != null && nic.getTarget().getDev() != null) {
                used.add(nic.getTarget().getDev());
            }
        }
        int next = 0;
        for (DomainInterfaceDef nic : nics) {
            if (nic.getTarget() == null || nic.getTarget().getDev() == null) {
                String name;
                do {
                    name = "testnet" + next++;
                } while (used.contains(name));
                used.add(name);
                if (nic.getTarget() == null) {
                    nic.setTarget(new InterfaceTargetDef(name));
                } else {
                    nic.getTarget().setDev(name);
                }
            }
        }
    }

    /** The XML, live ({@code id >= 0}) or inactive; passwords only with {@code secure}. */
    String format(int id, boolean secure) {
        DomainDef target = def();
        if (!secure && hasPasswords()) {
            target = LibvirtXml.copy(def());
            for (GraphicsDef g : target.getOrCreateDevices().getGraphics()) {
                g.setExtraAttribute("passwd", null);
            }
        }
        Integer saved = target.getId();
        target.setId(id >= 0 ? id : null);
        try {
            return LibvirtXml.format(target);
        } finally {
            target.setId(saved);
        }
    }

    private boolean hasPasswords() {
        if (def().getDevices() == null) {
            return false;
        }
        for (GraphicsDef g : def().getDevices().getGraphics()) {
            if (g.getExtraAttribute("passwd") != null) {
                return true;
            }
        }
        return false;
    }

    // ---- metadata, libvirt's virDomainDefGetMetadata / SetMetadata ----

    String metadata(DomainMetadataType type, String namespaceUri) {
        String value = switch (type) {
            case DESCRIPTION -> def().getDescription();
            case TITLE -> def().getTitle();
            case ELEMENT -> {
                requireUri(namespaceUri);
                Element e = metadataElement(namespaceUri);
                yield e == null ? null : MetadataElements.format(e);
            }
        };
        if (value == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_METADATA, ErrorDomain.DOMAIN,
                    "Requested metadata element is not present");
        }
        return value;
    }

    void setMetadata(DomainMetadataType type, String value, String key, String namespaceUri) {
        String v = value == null || value.isEmpty() ? null : value;
        switch (type) {
            case DESCRIPTION -> def().setDescription(v);
            case TITLE -> {
                if (v != null && v.indexOf('\n') >= 0) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                            "Domain title can't contain newlines");
                }
                def().setTitle(v);
            }
            case ELEMENT -> {
                requireUri(namespaceUri);
                Element replacement = v == null ? null : MetadataElements.parse(v, key, namespaceUri);
                MetadataDef md = def().getMetadata();
                if (md == null) {
                    if (replacement == null) {
                        return;
                    }
                    md = new MetadataDef();
                    def().setMetadata(md);
                }
                md.getExtraElements().removeIf(e -> namespaceUri.equals(e.getNamespaceURI()));
                if (replacement != null) {
                    md.getExtraElements().add(replacement);
                }
            }
        }
    }

    private Element metadataElement(String namespaceUri) {
        MetadataDef md = def().getMetadata();
        if (md == null) {
            return null;
        }
        for (Element e : md.getExtraElements()) {
            if (namespaceUri.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static void requireUri(String namespaceUri) {
        if (namespaceUri == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "uri in virDomainGetMetadata must not be NULL");
        }
    }

    // ---- devices ----

    void checkAttach(DeviceConfig device) {
        if (device.disk() != null) {
            String dev = device.disk().getTarget() == null ? null : device.disk().getTarget().getDev();
            for (DiskDef d : def().getDisks()) {
                if (d.getTarget() != null && dev != null && dev.equals(d.getTarget().getDev())) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                            "target " + dev + " already exists");
                }
            }
        }
    }

    void attach(DeviceConfig device) {
        device.addTo(def());
        generateInterfaceNames();
    }

    void checkDetach(DeviceConfig device) {
        device.findIn(def());
    }

    void detach(DeviceConfig device) {
        device.removeFrom(def());
    }
}

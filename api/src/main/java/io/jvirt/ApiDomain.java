package io.jvirt;

import io.jvirt.spi.DomainRef;
import io.jvirt.spi.DomainStatsEntry;
import io.jvirt.spi.HypervisorDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A domain handle: a driver reference plus the connection that checks each call. */
final class ApiDomain implements Domain {
    private final ApiConnection conn;
    private final DomainRef ref;

    ApiDomain(ApiConnection conn, DomainRef ref) {
        this.conn = conn;
        this.ref = ref;
    }

    /** The driver's reference, for calls that take several domains. */
    DomainRef ref() {
        return ref;
    }

    private HypervisorDriver read(String api) {
        return conn.hv(api);
    }

    private HypervisorDriver write(String api) {
        HypervisorDriver hv = conn.hv(api);
        conn.checkWritable(api, ErrorDomain.DOMAIN);
        return hv;
    }

    /**
     * The libvirt API a call stands for: the plain one without flags, the *Flags one with,
     * as virsh chooses (the name shows in read-only errors).
     */
    private static String api(Object[] flags, String plain, String withFlags) {
        return flags == null || flags.length == 0 ? plain : withFlags;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String name() {
        return ref.name();
    }

    @Override
    public UUID uuid() {
        return ref.uuid();
    }

    @Override
    public int id() {
        return read("virDomainGetID").domainId(ref);
    }

    @Override
    public DomainInfo info() {
        return read("virDomainGetInfo").domainInfo(ref);
    }

    @Override
    public java.util.Map<String, Object> stats() {
        List<DomainStatsEntry> one = read("virDomainListGetStats").domainStats(List.of(ref), Set.of(), Set.of());
        if (one.isEmpty()) {
            // The driver skips domains that no longer exist; one asked for by itself is an error.
            throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.DOMAIN,
                    "no domain with matching uuid '" + ref.uuid() + "' (" + ref.name() + ")");
        }
        return one.get(0).stats();
    }

    @Override
    public DomainStateInfo state() {
        return read("virDomainGetState").domainState(ref);
    }

    @Override
    public SecurityLabel securityLabel() {
        return read("virDomainGetSecurityLabel").domainSecurityLabel(ref);
    }

    @Override
    public String osType() {
        return read("virDomainGetOSType").domainOsType(ref);
    }

    @Override
    public String xml(DomainXmlFlag... flags) {
        var set = Flags.of(DomainXmlFlag.class, flags);
        HypervisorDriver hv = read("virDomainGetXMLDesc");
        if (set.contains(DomainXmlFlag.SECURE)) {
            // Secrets are for writers only, as libvirt's VIR_DOMAIN_XML_SECURE check.
            if (conn.isReadOnly()) {
                throw new VirtException(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                        "virDomainGetXMLDesc with secure flag");
            }
        }
        return hv.domainXml(ref, set);
    }

    @Override
    public boolean isActive() {
        return read("virDomainIsActive").domainIsActive(ref);
    }

    @Override
    public boolean isPersistent() {
        return read("virDomainIsPersistent").domainIsPersistent(ref);
    }

    @Override
    public boolean isUpdated() {
        return read("virDomainIsUpdated").domainIsUpdated(ref);
    }

    @Override
    public void start(DomainStartFlag... flags) {
        HypervisorDriver hv = write(api(flags, "virDomainCreate", "virDomainCreateWithFlags"));
        conn.admission().start(this, () -> hv.domainStart(ref, Flags.of(DomainStartFlag.class, flags)));
    }

    @Override
    public void shutdown(DomainShutdownFlag... flags) {
        write(api(flags, "virDomainShutdown", "virDomainShutdownFlags")).domainShutdown(ref, Flags.of(DomainShutdownFlag.class, flags));
    }

    @Override
    public void reboot(DomainShutdownFlag... flags) {
        write("virDomainReboot").domainReboot(ref, Flags.of(DomainShutdownFlag.class, flags));
    }

    @Override
    public void reset() {
        write("virDomainReset").domainReset(ref);
    }

    @Override
    public void destroy(DomainDestroyFlag... flags) {
        write(api(flags, "virDomainDestroy", "virDomainDestroyFlags")).domainDestroy(ref, Flags.of(DomainDestroyFlag.class, flags));
    }

    @Override
    public void suspend() {
        write("virDomainSuspend").domainSuspend(ref);
    }

    @Override
    public void resume() {
        write("virDomainResume").domainResume(ref);
    }

    @Override
    public void undefine(DomainUndefineFlag... flags) {
        write(api(flags, "virDomainUndefine", "virDomainUndefineFlags")).domainUndefine(ref, Flags.of(DomainUndefineFlag.class, flags));
    }

    @Override
    public void save(Path file, DomainSaveFlag... flags) {
        Objects.requireNonNull(file, "file");
        write(api(flags, "virDomainSave", "virDomainSaveFlags")).domainSave(ref, file, Flags.of(DomainSaveFlag.class, flags));
    }

    @Override
    public void coreDump(Path file, DomainCoreDumpFlag... flags) {
        Objects.requireNonNull(file, "file");
        Set<DomainCoreDumpFlag> set = Flags.of(DomainCoreDumpFlag.class, flags);
        HypervisorDriver driver = write("virDomainCoreDump");
        // virDomainCoreDump's own checks, before the driver sees the call
        exclusive(set, DomainCoreDumpFlag.CRASH, DomainCoreDumpFlag.LIVE);
        exclusive(set, DomainCoreDumpFlag.CRASH, DomainCoreDumpFlag.RESET);
        exclusive(set, DomainCoreDumpFlag.LIVE, DomainCoreDumpFlag.RESET);
        driver.domainCoreDump(ref, file.toAbsolutePath(), set);
    }

    private static void exclusive(Set<DomainCoreDumpFlag> flags, DomainCoreDumpFlag a, DomainCoreDumpFlag b) {
        if (flags.contains(a) && flags.contains(b)) {
            // virReportInvalidArg: the message as it is, no "invalid argument: " before it
            throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DUMP_" + a.name() + "' and 'VIR_DUMP_" + b.name() + "' are mutually exclusive");
        }
    }

    @Override
    public void managedSave(DomainSaveFlag... flags) {
        write("virDomainManagedSave").domainManagedSave(ref, Flags.of(DomainSaveFlag.class, flags));
    }

    @Override
    public boolean hasManagedSaveImage() {
        return read("virDomainHasManagedSaveImage").domainHasManagedSaveImage(ref);
    }

    @Override
    public void removeManagedSaveImage() {
        write("virDomainManagedSaveRemove").domainManagedSaveRemove(ref);
    }

    @Override
    public void setMemory(long kib, DomainModification... flags) {
        write(api(flags, "virDomainSetMemory", "virDomainSetMemoryFlags")).domainSetMemory(ref, kib, Flags.of(DomainModification.class, flags));
    }

    @Override
    public void setMaxMemory(long kib) {
        write("virDomainSetMaxMemory").domainSetMemory(ref, kib,
                Flags.of(DomainModification.class, DomainModification.MAXIMUM));
    }

    @Override
    public void setVcpus(int count, DomainModification... flags) {
        write(api(flags, "virDomainSetVcpus", "virDomainSetVcpusFlags")).domainSetVcpus(ref, count, Flags.of(DomainModification.class, flags));
    }

    @Override
    public int vcpus(DomainModification... flags) {
        return read("virDomainGetVcpusFlags").domainGetVcpus(ref, Flags.of(DomainModification.class, flags));
    }

    @Override
    public int maxVcpus() {
        return read("virDomainGetMaxVcpus").domainMaxVcpus(ref);
    }

    @Override
    public String metadata(DomainMetadataType type, String namespaceUri, DomainModification... flags) {
        Objects.requireNonNull(type, "type");
        return read("virDomainGetMetadata").domainGetMetadata(ref, type, namespaceUri,
                Flags.of(DomainModification.class, flags));
    }

    @Override
    public void setMetadata(DomainMetadataType type, String value, String key, String namespaceUri,
            DomainModification... flags) {
        Objects.requireNonNull(type, "type");
        write("virDomainSetMetadata").domainSetMetadata(ref, type, value, key, namespaceUri,
                Flags.of(DomainModification.class, flags));
    }

    @Override
    public boolean autostart() {
        return read("virDomainGetAutostart").domainGetAutostart(ref);
    }

    @Override
    public void setAutostart(boolean autostart) {
        write("virDomainSetAutostart").domainSetAutostart(ref, autostart);
    }

    @Override
    public void attachDevice(String xml, DomainModification... flags) {
        Objects.requireNonNull(xml, "xml");
        write(api(flags, "virDomainAttachDevice", "virDomainAttachDeviceFlags")).domainAttachDevice(ref, xml, Flags.of(DomainModification.class, flags));
    }

    @Override
    public void detachDevice(String xml, DomainModification... flags) {
        Objects.requireNonNull(xml, "xml");
        write(api(flags, "virDomainDetachDevice", "virDomainDetachDeviceFlags")).domainDetachDevice(ref, xml, Flags.of(DomainModification.class, flags));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiDomain other && other.conn == conn && other.ref.uuid().equals(ref.uuid());
    }

    @Override
    public int hashCode() {
        return ref.uuid().hashCode();
    }

    @Override
    public String toString() {
        return "Domain[" + ref.name() + " " + ref.uuid() + "]";
    }
}

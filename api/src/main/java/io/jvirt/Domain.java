package io.jvirt;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A virtual machine (libvirt's {@code virDomainPtr}): a cheap handle naming a domain of one
 * {@link Connection}. Every call asks the driver afresh; a handle to an undefined domain answers
 * {@link ErrorCode#NO_DOMAIN}.
 *
 * <p>Lifecycle, as in libvirt: {@link #start} (shut off → running), {@link #suspend} /
 * {@link #resume} (running ⇄ paused), {@link #shutdown} (asks the guest), {@link #destroy}
 * (pulls the plug), {@link #undefine} (forgets the persistent definition). A call in the wrong
 * state fails without changing anything.
 */
public interface Domain {

    /** The connection this handle belongs to. */
    Connection connection();

    /** The domain's name. */
    String name();

    /** The domain's UUID. */
    UUID uuid();

    /** The running domain's id, or -1 when it is shut off. */
    int id();

    /** State, memory, vCPUs and CPU time. */
    DomainInfo info();

    /**
     * Everything the driver can measure about the domain, as {@code virsh domstats} prints it
     * (libvirt's {@code virDomainListGetStats} with all groups): libvirt's keys in libvirt's
     * order ({@code state.state}, {@code cpu.time}, {@code balloon.current},
     * {@code vcpu.0.time}, {@code block.0.rd.bytes}, ...), values {@link Long} or {@link String}.
     * An unmodifiable map; a driver that has none throws {@code NO_SUPPORT}.
     *
     * @since 0.1
     */
    java.util.Map<String, Object> stats();

    /** The state and the reason for it. */
    DomainStateInfo state();

    /** The security label of the running domain (empty when it is shut off). */
    SecurityLabel securityLabel();

    /** The guest OS type ("hvm", "linux", "xen", ...), libvirt's {@code virDomainGetOSType}. */
    String osType();

    /** The domain's XML description; flags choose the inactive config, secrets, ... */
    String xml(DomainXmlFlag... flags);

    /** True while the domain runs (any state but shut off). */
    boolean isActive();

    /** True if the domain has a persistent definition. */
    boolean isPersistent();

    /** True if the persistent definition differs from the running one. */
    boolean isUpdated();

    // ---- lifecycle ----

    /** Starts a shut-off domain (from its managed save image when it has one). */
    void start(DomainStartFlag... flags);

    /** Asks the guest to shut down; how and when it does is the guest's business. */
    void shutdown(DomainShutdownFlag... flags);

    /** Asks the guest to reboot. */
    void reboot(DomainShutdownFlag... flags);

    /** Resets the virtual machine at once, like the reset button. */
    void reset();

    /** Stops the domain at once; a transient domain disappears. */
    void destroy(DomainDestroyFlag... flags);

    /** Pauses the domain's vCPUs. */
    void suspend();

    /** Resumes a paused domain. */
    void resume();

    /** Removes the persistent definition; a running domain becomes transient. */
    void undefine(DomainUndefineFlag... flags);

    /** Saves the running domain's memory to {@code file} and stops it. */
    void save(Path file, DomainSaveFlag... flags);

    /**
     * Writes the memory of the active domain to {@code file} for analysis (libvirt's
     * virDomainCoreDump). It keeps running afterwards unless {@link DomainCoreDumpFlag#CRASH}
     * (shut off, crashed) or {@link DomainCoreDumpFlag#RESET} is given; CRASH, LIVE and RESET
     * exclude each other.
     *
     * @since 0.1
     */
    void coreDump(Path file, DomainCoreDumpFlag... flags);

    /** Saves the running domain to a file the driver manages; the next start restores it. */
    void managedSave(DomainSaveFlag... flags);

    /** True if the domain has a managed save image. */
    boolean hasManagedSaveImage();

    /** Removes the managed save image, so the next start boots afresh. */
    void removeManagedSaveImage();

    // ---- resources ----

    /** Sets the current memory, in KiB (with {@link DomainModification#MAXIMUM}: the maximum). */
    void setMemory(long kib, DomainModification... flags);

    /** Sets the maximum memory, in KiB. */
    void setMaxMemory(long kib);

    /** Sets the number of vCPUs (with {@link DomainModification#MAXIMUM}: the maximum). */
    void setVcpus(int count, DomainModification... flags);

    /** The number of vCPUs, live or config, current or {@link DomainModification#MAXIMUM}. */
    int vcpus(DomainModification... flags);

    /** The most vCPUs this domain may have. */
    int maxVcpus();

    /** The domain's description, title or an application's metadata element. */
    String metadata(DomainMetadataType type, String namespaceUri, DomainModification... flags);

    /** Sets (or with null, removes) a description, title or metadata element. */
    void setMetadata(DomainMetadataType type, String value, String key, String namespaceUri,
            DomainModification... flags);

    /** True if the domain starts with the host (or the driver). */
    boolean autostart();

    /** Marks the domain to start with the host, or not. */
    void setAutostart(boolean autostart);

    // ---- devices ----

    /** Adds the device described by {@code xml} (a {@code <disk>}, {@code <interface>}, ...). */
    void attachDevice(String xml, DomainModification... flags);

    /** Removes the device matching {@code xml}. */
    void detachDevice(String xml, DomainModification... flags);
}

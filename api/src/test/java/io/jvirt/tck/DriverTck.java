package io.jvirt.tck;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.Virt;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The driver TCK: what every jvirt driver must do, asserted as a libvirt user sees it (states and
 * reasons, error codes and libvirt's wording, lifecycle events, XML round trips, read-only
 * refusals, behaviour under concurrency). A driver is done when this passes against it.
 *
 * <p>A driver module runs all of it by extending this class once, in its tests (it depends on
 * {@code jvirt-api}'s test-jar):
 *
 * <pre>{@code
 * class TestDriverTckTest extends DriverTck {
 *     protected Connection openConnection() {
 *         return Virt.open("test:///default");
 *     }
 * }
 * }</pre>
 *
 * <p>That is all a driver must write; {@code mvn test} then runs every area. Where libvirt's own
 * drivers differ, a driver states which libvirt it follows by overriding a hook — the test
 * driver, for instance, words wrong-state refusals as libvirt's test driver does and boots
 * (rather than restores) a domain with a managed save image:
 *
 * <pre>{@code
 *     protected ExpectedError wrongStateError(WrongStateCall call, String name) {
 *         return call.libvirtTestDriver(name);
 *     }
 *     protected DomainStateReason managedSaveStartReason() {
 *         return DomainStateReason.Running.BOOTED;
 *     }
 * }</pre>
 *
 * <p>The areas are {@link Nested} classes ({@link Lifecycle}, {@link Errors}, {@link Events},
 * {@link XmlRoundTrip}, {@link ReadOnly}, {@link Concurrency}); their checks live in
 * {@link LifecycleTck}, {@link ErrorsTck}, {@link EventsTck}, {@link XmlRoundTripTck},
 * {@link ReadOnlyTck} and {@link ConcurrencyTck}; a driver that wants only some areas skips the
 * others with {@link #skippedChecks()}.
 *
 * <p>Drivers adapt the TCK through the protected hooks below: the domain XML they accept
 * ({@link #domainXml}, and {@link #guestOsDomainXml} with {@link #awaitGuestOs} for the
 * shutdown checks), where libvirt's own drivers disagree on an error
 * ({@link #wrongStateError}, {@link #malformedXmlError}, {@link #noDomainMessage}), timeouts for
 * drivers whose guests take time, and {@link #skippedChecks()} to skip, with a stated reason, what
 * a driver knowingly lacks. Every check uses fresh names ({@code tck-<run>-<what>}) and removes
 * what it created, so the TCK also runs against state shared with other connections (such as
 * {@code test:///default}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class DriverTck {

    // ---- hooks ----

    /**
     * A fresh read-write connection to the driver under test, preferably to state of its own. The
     * TCK closes it.
     */
    protected abstract Connection openConnection();

    /**
     * A read-only connection to the same driver. By default the URI of a connection from
     * {@link #openConnection()} (which is closed first) opened with {@link Virt#openReadOnly}.
     */
    protected Connection openReadOnlyConnection() {
        String uri;
        try (Connection first = openConnection()) {
            uri = first.uri().text();
        }
        return Virt.openReadOnly(uri);
    }

    /**
     * A second read-write connection to the same state as {@code first}, for the checks that
     * connections share state ({@link #connectionsShareState()}).
     */
    protected Connection openSecondConnection(Connection first) {
        return Virt.open(first.uri().text());
    }

    /**
     * A minimal domain called {@code name} that this driver can define and start. The default is a
     * {@code <domain type='test'>} with 131072 KiB of memory, one vCPU and an hvm OS. Drivers that
     * need more (an emulator, a kernel) override it; the TCK derives every other document from it.
     */
    protected String domainXml(String name) {
        return "<domain type='test'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <memory unit='KiB'>131072</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os>\n"
                + "    <type>hvm</type>\n"
                + "  </os>\n"
                + "</domain>\n";
    }

    /**
     * A domain called {@code name} whose guest acts on a shutdown request (the ACPI power
     * button), for the checks of graceful shutdown. The default is {@link #domainXml}, enough
     * where no guest OS is needed to shut down (the test driver).
     */
    protected String guestOsDomainXml(String name) {
        return domainXml(name);
    }

    /**
     * Returns once the started domain {@code d}, defined from {@link #guestOsDomainXml}, would
     * act on a shutdown request. A power button pressed before the guest OS listens is lost, on
     * jvirt as on libvirt, so a user waits for the guest to boot. The default returns at once.
     */
    protected void awaitGuestOs(Domain d) throws InterruptedException {
    }

    /**
     * A domain rich in what the XML round trip must keep: {@link #domainXml} plus the UUID, a
     * title, a description with characters that need escaping, an application's element under
     * {@code <metadata>} in the namespace {@link XmlRoundTripTck#METADATA_NS}, two disks and a
     * network interface with the MAC {@link XmlRoundTripTck#MAC}.
     */
    protected String richDomainXml(String name, UUID uuid) {
        String xml = TckXml.withUuid(domainXml(name), uuid);
        xml = TckXml.insertAfterName(xml, "<title>" + XmlRoundTripTck.TITLE + "</title>\n"
                + "  <description>" + XmlRoundTripTck.DESCRIPTION_ESCAPED + "</description>\n"
                + "  <metadata>\n"
                + "    <tck:app xmlns:tck='" + XmlRoundTripTck.METADATA_NS + "' level='3'>\n"
                + "      <tck:owner>alice</tck:owner>\n"
                + "    </tck:app>\n"
                + "  </metadata>");
        return TckXml.addDevices(xml, "\n"
                + "    <disk type='file' device='disk'>\n"
                + "      <driver name='qemu' type='qcow2'/>\n"
                + "      <source file='/var/lib/tck/" + name + "-root.qcow2'/>\n"
                + "      <target dev='vda' bus='virtio'/>\n"
                + "    </disk>\n"
                + "    <disk type='file' device='disk'>\n"
                + "      <driver name='qemu' type='raw'/>\n"
                + "      <source file='/var/lib/tck/" + name + "-data.img'/>\n"
                + "      <target dev='vdb' bus='virtio'/>\n"
                + "      <readonly/>\n"
                + "    </disk>\n"
                + "    <interface type='network'>\n"
                + "      <mac address='" + XmlRoundTripTck.MAC + "'/>\n"
                + "      <source network='default'/>\n"
                + "      <model type='virtio'/>\n"
                + "    </interface>");
    }

    /** How long to wait for an event before calling it missing. */
    protected Duration eventTimeout() {
        return Duration.ofSeconds(10);
    }

    /**
     * How long to wait for something that should <em>not</em> happen (an event after its
     * subscription closed) before believing it won't. Bounded, and short.
     */
    protected Duration quietPeriod() {
        return Duration.ofMillis(300);
    }

    /** How long a guest may take to shut down, and the bound on the concurrency runs. */
    protected Duration operationTimeout() {
        return Duration.ofSeconds(60);
    }

    /** True if connections to the same URI see the same domains and each other's events. */
    protected boolean connectionsShareState() {
        return true;
    }

    /**
     * The error for a lifecycle call in the wrong state. The default asks only for libvirt's
     * common code, {@code OPERATION_INVALID}, and leaves the wording to the driver; drivers
     * tighten it, e.g. with {@link WrongStateCall#libvirtTestDriver} or
     * {@link WrongStateCall#libvirtQemuDriver}.
     */
    protected ExpectedError wrongStateError(WrongStateCall call, String domainName) {
        if (call == WrongStateCall.DESTROY_SHUT_OFF) {
            // virDomainObjCheckActive (conf/domain_conf.c), shared by libvirt's drivers.
            return ExpectedError.of(ErrorCode.OPERATION_INVALID,
                    "Requested operation is not valid: domain is not running");
        }
        return ExpectedError.of(ErrorCode.OPERATION_INVALID);
    }

    /**
     * The error for XML that is not well-formed. libvirt reports libxml2's parser errors as
     * {@code XML_DETAIL} (util/virxml.c, catchXMLError); jvirt's design says {@code XML_ERROR}.
     * The default accepts either.
     */
    protected ExpectedError malformedXmlError() {
        return ExpectedError.anyOf(ErrorCode.XML_ERROR, ErrorCode.XML_DETAIL);
    }

    /**
     * The message for a call on a handle whose domain no longer exists. The default is the wording
     * libvirt's test, QEMU and libxl drivers share.
     */
    protected String noDomainMessage(String name, UUID uuid) {
        return "Domain not found: no domain with matching uuid '" + uuid + "' (" + name + ")";
    }

    /**
     * The reason a domain with a managed save image runs after {@code start}. A real restore
     * (libvirt's QEMU driver) says {@code RESTORED}; libvirt's test driver says {@code BOOTED}.
     */
    protected DomainStateReason managedSaveStartReason() {
        return DomainStateReason.Running.RESTORED;
    }

    /** Threads in the concurrency checks. */
    protected int concurrencyThreads() {
        return 8;
    }

    /** Iterations per thread in the concurrency checks. */
    protected int concurrencyIterations() {
        return 20;
    }

    /**
     * Checks this driver skips, each with the reason, keyed {@code "Area.check"} (e.g.
     * {@code "Lifecycle.managedSaveShutsOffSavedAndStartRestores"}) or {@code "Area"} for a whole
     * area. Skipped checks show as aborted with the reason, never as passed.
     */
    protected Map<String, String> skippedChecks() {
        return Map.of();
    }

    @BeforeEach
    void skipWhatTheDriverDeclares(TestInfo info) {
        String area = info.getTestClass().map(Class::getSimpleName).orElse("");
        String check = info.getTestMethod().map(Method::getName).orElse("");
        Map<String, String> skipped = skippedChecks();
        String reason = skipped.getOrDefault(area + "." + check, skipped.get(area));
        Assumptions.assumeTrue(reason == null, () -> "skipped by the driver: " + reason);
    }

    // ---- the areas ----

    /** Lifecycle transitions with libvirt's states and reasons. */
    @Nested
    @DisplayName("Lifecycle")
    class Lifecycle extends LifecycleTck {
        Lifecycle() {
            super(DriverTck.this);
        }
    }

    /** Error codes and libvirt's messages. */
    @Nested
    @DisplayName("Errors")
    class Errors extends ErrorsTck {
        Errors() {
            super(DriverTck.this);
        }
    }

    /** Lifecycle events per transition. */
    @Nested
    @DisplayName("Events")
    class Events extends EventsTck {
        Events() {
            super(DriverTck.this);
        }
    }

    /** Domain XML: define, dump, redefine. */
    @Nested
    @DisplayName("XmlRoundTrip")
    class XmlRoundTrip extends XmlRoundTripTck {
        XmlRoundTrip() {
            super(DriverTck.this);
        }
    }

    /** Read-only connections refuse every change. */
    @Nested
    @DisplayName("ReadOnly")
    class ReadOnly extends ReadOnlyTck {
        ReadOnly() {
            super(DriverTck.this);
        }
    }

    /** Many threads, one connection: nothing lost, duplicated or deadlocked. */
    @Nested
    @DisplayName("Concurrency")
    class Concurrency extends ConcurrencyTck {
        Concurrency() {
            super(DriverTck.this);
        }
    }
}

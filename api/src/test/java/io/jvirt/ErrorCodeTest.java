package io.jvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ErrorCode and ErrorDomain carry libvirt 9.0's numbers, names and wording
 * ({@code include/libvirt/virterror.h}, {@code src/util/virerror.c}); the tables below were
 * extracted from those files.
 */
class ErrorCodeTest {

    @Test
    void templatesReadAsLibvirts() {
        assertEquals("Domain not found", ErrorCode.NO_DOMAIN.format(null));
        assertEquals("Domain not found: no domain with matching name 'x'",
                ErrorCode.NO_DOMAIN.format("no domain with matching name 'x'"));
        assertEquals("operation forbidden: read only access prevents virDomainSuspend",
                ErrorCode.OPERATION_DENIED.format("read only access prevents virDomainSuspend"));
        assertEquals("operation forbidden for read only access", ErrorCode.OPERATION_DENIED.format(null));
        assertEquals("domain web exists already", ErrorCode.DOM_EXIST.format("web"));
        assertEquals("no connection driver available for x:///", ErrorCode.NO_CONNECT.format("x:///"));
        assertEquals("", ErrorCode.OK.format(null));
        assertEquals("a detail", ErrorCode.SYSTEM_ERROR.format("a detail"));
    }

    @Test
    void ofFindsLibvirtsNumbers() {
        assertSame(ErrorCode.NO_DOMAIN, ErrorCode.of(42));
        assertSame(ErrorCode.OK, ErrorCode.of(0));
        assertSame(ErrorCode.OPERATION_INVALID, ErrorCode.of(55));
        assertSame(ErrorCode.MULTIPLE_DOMAINS, ErrorCode.of(110));
        assertThrows(IllegalArgumentException.class, () -> ErrorCode.of(111));
        assertThrows(IllegalArgumentException.class, () -> ErrorCode.of(-1));
        for (ErrorCode c : ErrorCode.values()) {
            assertSame(c, ErrorCode.of(c.value()));
        }
    }

    @Test
    void everyCodeIsUniqueAndTheNumbersRunFrom0To110() {
        List<Integer> values = Arrays.stream(ErrorCode.values()).map(ErrorCode::value).collect(Collectors.toList());
        assertEquals(111, values.size());
        assertEquals(111, new HashSet<>(values).size(), "unique");
        for (int i = 0; i < values.size(); i++) {
            assertEquals(i, values.get(i), "declared in libvirt's order");
        }
    }

    @Test
    void namesNumbersAndMessagesAreLibvirts() {
        assertEquals(LIBVIRT_ERRORS.length, ErrorCode.values().length);
        for (String[] row : LIBVIRT_ERRORS) {
            int value = Integer.parseInt(row[0]);
            ErrorCode c = ErrorCode.of(value);
            assertEquals(row[1].replaceFirst("^VIR_(ERR_|WAR_)", "$1").replaceFirst("^ERR_", ""), c.name(),
                    "name of " + value);
            String bare = row[2];
            String detailed = row[3];
            assertEquals(bare == null ? "" : bare, c.format(null), "message of " + row[1]);
            if (detailed != null) {
                assertEquals(detailed.replace("%s", "DETAIL"), c.format("DETAIL"), "message with detail of " + row[1]);
            }
        }
    }

    @Test
    void warningsAreTheSixWarCodes() {
        Set<Integer> warnings = Arrays.stream(ErrorCode.values()).filter(ErrorCode::isWarning)
                .map(ErrorCode::value).collect(Collectors.toSet());
        assertEquals(Set.of(41, 48, 51, 56, 60, 64), warnings);
        assertFalse(ErrorCode.NO_DOMAIN.isWarning());
    }

    @Test
    void errorDomainsAreLibvirts() {
        ErrorDomain[] all = ErrorDomain.values();
        assertEquals(73, all.length);
        String[] rows = LIBVIRT_DOMAINS.split("\n");
        assertEquals(73, rows.length);
        for (int i = 0; i < all.length; i++) {
            String[] f = rows[i].split("\\|", -1);
            assertEquals(f[0], all[i].name());
            assertEquals(Integer.parseInt(f[1]), all[i].value());
            assertEquals(f[2], all[i].label());
        }
        assertEquals(12, ErrorDomain.TEST.value());
        assertEquals("Test Driver", ErrorDomain.TEST.label());
        assertEquals("Domain Config", ErrorDomain.DOMAIN.label());
    }

    @Test
    void virtExceptionUsesTheTemplates() {
        VirtException bare = new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, null);
        assertEquals("Domain not found", bare.getMessage());
        VirtException detailed = new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        assertEquals("Requested operation is not valid: domain is not running", detailed.getMessage());
        assertEquals(ErrorDomain.DOMAIN, detailed.domain());
        VirtException raw = VirtException.unsupportedFlags(ErrorDomain.TEST, 1, "testDomainCreateWithFlags");
        assertEquals(ErrorCode.INVALID_ARG, raw.code());
        assertEquals("unsupported flags (0x1) in function testDomainCreateWithFlags", raw.getMessage());
        assertTrue(detailed.toString().contains("OPERATION_INVALID"));
    }

    /** value, libvirt name, message without detail (null: none), message with detail. */
    private static final String[][] LIBVIRT_ERRORS = {
        {"0", "VIR_ERR_OK", null, null},
        {"1", "VIR_ERR_INTERNAL_ERROR", "internal error", "internal error: %s"},
        {"2", "VIR_ERR_NO_MEMORY", "out of memory", "out of memory: %s"},
        {"3", "VIR_ERR_NO_SUPPORT", "this function is not supported by the connection driver", "this function is not supported by the connection driver: %s"},
        {"4", "VIR_ERR_UNKNOWN_HOST", "unknown host", "unknown host %s"},
        {"5", "VIR_ERR_NO_CONNECT", "no connection driver available", "no connection driver available for %s"},
        {"6", "VIR_ERR_INVALID_CONN", "invalid connection pointer in", "invalid connection pointer in %s"},
        {"7", "VIR_ERR_INVALID_DOMAIN", "invalid domain pointer in", "invalid domain pointer in %s"},
        {"8", "VIR_ERR_INVALID_ARG", "invalid argument", "invalid argument: %s"},
        {"9", "VIR_ERR_OPERATION_FAILED", "operation failed", "operation failed: %s"},
        {"10", "VIR_ERR_GET_FAILED", "GET operation failed", "GET operation failed: %s"},
        {"11", "VIR_ERR_POST_FAILED", "POST operation failed", "POST operation failed: %s"},
        {"12", "VIR_ERR_HTTP_ERROR", "got unknown HTTP error code", "got unknown HTTP error code %s"},
        {"13", "VIR_ERR_SEXPR_SERIAL", "failed to serialize S-Expr", "failed to serialize S-Expr: %s"},
        {"14", "VIR_ERR_NO_XEN", "could not use Xen hypervisor entry", "could not use Xen hypervisor entry %s"},
        {"15", "VIR_ERR_XEN_CALL", "failed Xen syscall", "failed Xen syscall %s"},
        {"16", "VIR_ERR_OS_TYPE", "unknown OS type", "unknown OS type %s"},
        {"17", "VIR_ERR_NO_KERNEL", "missing kernel information", "missing kernel information: %s"},
        {"18", "VIR_ERR_NO_ROOT", "missing root device information", "missing root device information in %s"},
        {"19", "VIR_ERR_NO_SOURCE", "missing source information for device", "missing source information for device %s"},
        {"20", "VIR_ERR_NO_TARGET", "missing target information for device", "missing target information for device %s"},
        {"21", "VIR_ERR_NO_NAME", "missing name information", "missing name information in %s"},
        {"22", "VIR_ERR_NO_OS", "missing operating system information", "missing operating system information for %s"},
        {"23", "VIR_ERR_NO_DEVICE", "missing devices information", "missing devices information for %s"},
        {"24", "VIR_ERR_NO_XENSTORE", "could not connect to Xen Store", "could not connect to Xen Store %s"},
        {"25", "VIR_ERR_DRIVER_FULL", "too many drivers registered", "too many drivers registered in %s"},
        {"26", "VIR_ERR_CALL_FAILED", "library call failed", "library call failed: %s"},
        {"27", "VIR_ERR_XML_ERROR", "XML description is invalid or not well formed", "XML error: %s"},
        {"28", "VIR_ERR_DOM_EXIST", "this domain exists already", "domain %s exists already"},
        {"29", "VIR_ERR_OPERATION_DENIED", "operation forbidden for read only access", "operation forbidden: %s"},
        {"30", "VIR_ERR_OPEN_FAILED", "failed to open configuration file", "failed to open configuration file %s"},
        {"31", "VIR_ERR_READ_FAILED", "failed to read configuration file", "failed to read configuration file %s"},
        {"32", "VIR_ERR_PARSE_FAILED", "failed to parse configuration file", "failed to parse configuration file %s"},
        {"33", "VIR_ERR_CONF_SYNTAX", "configuration file syntax error", "configuration file syntax error: %s"},
        {"34", "VIR_ERR_WRITE_FAILED", "failed to write configuration file", "failed to write configuration file: %s"},
        {"35", "VIR_ERR_XML_DETAIL", "parser error", "%s"},
        {"36", "VIR_ERR_INVALID_NETWORK", "invalid network pointer in", "invalid network pointer in %s"},
        {"37", "VIR_ERR_NETWORK_EXIST", "this network exists already", "network %s exists already"},
        {"38", "VIR_ERR_SYSTEM_ERROR", "system call error", "%s"},
        {"39", "VIR_ERR_RPC", "RPC error", "%s"},
        {"40", "VIR_ERR_GNUTLS_ERROR", "GNUTLS call error", "%s"},
        {"41", "VIR_WAR_NO_NETWORK", "Failed to find the network", "Failed to find the network: %s"},
        {"42", "VIR_ERR_NO_DOMAIN", "Domain not found", "Domain not found: %s"},
        {"43", "VIR_ERR_NO_NETWORK", "Network not found", "Network not found: %s"},
        {"44", "VIR_ERR_INVALID_MAC", "invalid MAC address", "invalid MAC address: %s"},
        {"45", "VIR_ERR_AUTH_FAILED", "authentication failed", "authentication failed: %s"},
        {"46", "VIR_ERR_INVALID_STORAGE_POOL", "invalid storage pool pointer in", "invalid storage pool pointer in %s"},
        {"47", "VIR_ERR_INVALID_STORAGE_VOL", "invalid storage volume pointer in", "invalid storage volume pointer in %s"},
        {"48", "VIR_WAR_NO_STORAGE", "Failed to find a storage driver", "Failed to find a storage driver: %s"},
        {"49", "VIR_ERR_NO_STORAGE_POOL", "Storage pool not found", "Storage pool not found: %s"},
        {"50", "VIR_ERR_NO_STORAGE_VOL", "Storage volume not found", "Storage volume not found: %s"},
        {"51", "VIR_WAR_NO_NODE", "Failed to find a node driver", "Failed to find a node driver: %s"},
        {"52", "VIR_ERR_INVALID_NODE_DEVICE", "invalid node device pointer", "invalid node device pointer in %s"},
        {"53", "VIR_ERR_NO_NODE_DEVICE", "Node device not found", "Node device not found: %s"},
        {"54", "VIR_ERR_NO_SECURITY_MODEL", "Security model not found", "Security model not found: %s"},
        {"55", "VIR_ERR_OPERATION_INVALID", "Requested operation is not valid", "Requested operation is not valid: %s"},
        {"56", "VIR_WAR_NO_INTERFACE", "Failed to find the interface", "Failed to find the interface: %s"},
        {"57", "VIR_ERR_NO_INTERFACE", "Interface not found", "Interface not found: %s"},
        {"58", "VIR_ERR_INVALID_INTERFACE", "invalid interface pointer in", "invalid interface pointer in %s"},
        {"59", "VIR_ERR_MULTIPLE_INTERFACES", "multiple matching interfaces found", "multiple matching interfaces found: %s"},
        {"60", "VIR_WAR_NO_NWFILTER", "Failed to start the nwfilter driver", "Failed to start the nwfilter driver: %s"},
        {"61", "VIR_ERR_INVALID_NWFILTER", "Invalid network filter", "Invalid network filter: %s"},
        {"62", "VIR_ERR_NO_NWFILTER", "Network filter not found", "Network filter not found: %s"},
        {"63", "VIR_ERR_BUILD_FIREWALL", "Error while building firewall", "Error while building firewall: %s"},
        {"64", "VIR_WAR_NO_SECRET", "Failed to find a secret storage driver", "Failed to find a secret storage driver: %s"},
        {"65", "VIR_ERR_INVALID_SECRET", "Invalid secret", "Invalid secret: %s"},
        {"66", "VIR_ERR_NO_SECRET", "Secret not found", "Secret not found: %s"},
        {"67", "VIR_ERR_CONFIG_UNSUPPORTED", "unsupported configuration", "unsupported configuration: %s"},
        {"68", "VIR_ERR_OPERATION_TIMEOUT", "Timed out during operation", "Timed out during operation: %s"},
        {"69", "VIR_ERR_MIGRATE_PERSIST_FAILED", "Failed to make domain persistent after migration", "Failed to make domain persistent after migration: %s"},
        {"70", "VIR_ERR_HOOK_SCRIPT_FAILED", "Hook script execution failed", "Hook script execution failed: %s"},
        {"71", "VIR_ERR_INVALID_DOMAIN_SNAPSHOT", "Invalid domain snapshot", "Invalid domain snapshot: %s"},
        {"72", "VIR_ERR_NO_DOMAIN_SNAPSHOT", "Domain snapshot not found", "Domain snapshot not found: %s"},
        {"73", "VIR_ERR_INVALID_STREAM", "invalid stream pointer", "invalid stream pointer in %s"},
        {"74", "VIR_ERR_ARGUMENT_UNSUPPORTED", "argument unsupported", "argument unsupported: %s"},
        {"75", "VIR_ERR_STORAGE_PROBE_FAILED", "Storage pool probe failed", "Storage pool probe failed: %s"},
        {"76", "VIR_ERR_STORAGE_POOL_BUILT", "Storage pool already built", "Storage pool already built: %s"},
        {"77", "VIR_ERR_SNAPSHOT_REVERT_RISKY", "revert requires force", "revert requires force: %s"},
        {"78", "VIR_ERR_OPERATION_ABORTED", "operation aborted", "operation aborted: %s"},
        {"79", "VIR_ERR_AUTH_CANCELLED", "authentication cancelled", "authentication cancelled: %s"},
        {"80", "VIR_ERR_NO_DOMAIN_METADATA", "metadata not found", "metadata not found: %s"},
        {"81", "VIR_ERR_MIGRATE_UNSAFE", "Unsafe migration", "Unsafe migration: %s"},
        {"82", "VIR_ERR_OVERFLOW", "numerical overflow", "numerical overflow: %s"},
        {"83", "VIR_ERR_BLOCK_COPY_ACTIVE", "block copy still active", "block copy still active: %s"},
        {"84", "VIR_ERR_OPERATION_UNSUPPORTED", "Operation not supported", "Operation not supported: %s"},
        {"85", "VIR_ERR_SSH", "SSH transport error", "SSH transport error: %s"},
        {"86", "VIR_ERR_AGENT_UNRESPONSIVE", "Guest agent is not responding", "Guest agent is not responding: %s"},
        {"87", "VIR_ERR_RESOURCE_BUSY", "resource busy", "resource busy: %s"},
        {"88", "VIR_ERR_ACCESS_DENIED", "access denied", "access denied: %s"},
        {"89", "VIR_ERR_DBUS_SERVICE", "error from service", "error from service: %s"},
        {"90", "VIR_ERR_STORAGE_VOL_EXIST", "this storage volume exists already", "storage volume %s exists already"},
        {"91", "VIR_ERR_CPU_INCOMPATIBLE", "the CPU is incompatible with host CPU", "the CPU is incompatible with host CPU: %s"},
        {"92", "VIR_ERR_XML_INVALID_SCHEMA", "XML document failed to validate against schema", "XML document failed to validate against schema: %s"},
        {"93", "VIR_ERR_MIGRATE_FINISH_OK", "migration successfully aborted", "migration successfully aborted: %s"},
        {"94", "VIR_ERR_AUTH_UNAVAILABLE", "authentication unavailable", "authentication unavailable: %s"},
        {"95", "VIR_ERR_NO_SERVER", "Server not found", "Server not found: %s"},
        {"96", "VIR_ERR_NO_CLIENT", "Client not found", "Client not found: %s"},
        {"97", "VIR_ERR_AGENT_UNSYNCED", "guest agent replied with wrong id to guest-sync command", "guest agent replied with wrong id to guest-sync command: %s"},
        {"98", "VIR_ERR_LIBSSH", "libssh transport error", "libssh transport error: %s"},
        {"99", "VIR_ERR_DEVICE_MISSING", "device not found", "device not found: %s"},
        {"100", "VIR_ERR_INVALID_NWFILTER_BINDING", "Invalid network filter binding", "Invalid network filter binding: %s"},
        {"101", "VIR_ERR_NO_NWFILTER_BINDING", "Network filter binding not found", "Network filter binding not found: %s"},
        {"102", "VIR_ERR_INVALID_DOMAIN_CHECKPOINT", "Invalid domain checkpoint", "Invalid domain checkpoint: %s"},
        {"103", "VIR_ERR_NO_DOMAIN_CHECKPOINT", "Domain checkpoint not found", "Domain checkpoint not found: %s"},
        {"104", "VIR_ERR_NO_DOMAIN_BACKUP", "Domain backup job id not found", "Domain backup job id not found: %s"},
        {"105", "VIR_ERR_INVALID_NETWORK_PORT", "Invalid network port pointer", "Invalid network port pointer: %s"},
        {"106", "VIR_ERR_NETWORK_PORT_EXIST", "this network port exists already", "network port %s exists already"},
        {"107", "VIR_ERR_NO_NETWORK_PORT", "network port not found", "network port not found: %s"},
        {"108", "VIR_ERR_NO_HOSTNAME", "no hostname found", "no hostname found: %s"},
        {"109", "VIR_ERR_CHECKPOINT_INCONSISTENT", "checkpoint inconsistent", "checkpoint inconsistent: %s"},
        {"110", "VIR_ERR_MULTIPLE_DOMAINS", "multiple matching domains found", "multiple matching domains found: %s"}
    };

    /** name|value|label of virErrorDomain, in order. */
    private static final String LIBVIRT_DOMAINS = ""
            + "NONE|0|\n"
            + "XEN|1|Xen Driver\n"
            + "XEND|2|Xen Daemon\n"
            + "XENSTORE|3|Xen Store\n"
            + "SEXPR|4|S-Expression\n"
            + "XML|5|XML Util\n"
            + "DOM|6|Domain\n"
            + "RPC|7|XML-RPC\n"
            + "PROXY|8|Proxy Daemon\n"
            + "CONF|9|Config File\n"
            + "QEMU|10|QEMU Driver\n"
            + "NET|11|Network\n"
            + "TEST|12|Test Driver\n"
            + "REMOTE|13|Remote Driver\n"
            + "OPENVZ|14|OpenVZ Driver\n"
            + "XENXM|15|Xen XM Driver\n"
            + "STATS_LINUX|16|Linux Statistics\n"
            + "LXC|17|LXC Driver\n"
            + "STORAGE|18|Storage Driver\n"
            + "NETWORK|19|Network Driver\n"
            + "DOMAIN|20|Domain Config\n"
            + "UML|21|User Mode Linux Driver\n"
            + "NODEDEV|22|Node Device Driver\n"
            + "XEN_INOTIFY|23|Xen Inotify Driver\n"
            + "SECURITY|24|Security Driver\n"
            + "VBOX|25|VirtualBox Driver\n"
            + "INTERFACE|26|Network Interface Driver\n"
            + "ONE|27|Open Nebula Driver\n"
            + "ESX|28|ESX Driver\n"
            + "PHYP|29|Power Hypervisor Driver\n"
            + "SECRET|30|Secrets Driver\n"
            + "CPU|31|CPU Driver\n"
            + "XENAPI|32|XenAPI Driver\n"
            + "NWFILTER|33|Network Filter Driver\n"
            + "HOOK|34|Lifecycle Hook\n"
            + "DOMAIN_SNAPSHOT|35|Domain Snapshot\n"
            + "AUDIT|36|Audit Utils\n"
            + "SYSINFO|37|Sysinfo Utils\n"
            + "STREAMS|38|I/O Stream Utils\n"
            + "VMWARE|39|VMware Driver\n"
            + "EVENT|40|Event Loop\n"
            + "LIBXL|41|Xen Light Driver\n"
            + "LOCKING|42|Lock Driver\n"
            + "HYPERV|43|Hyper-V Driver\n"
            + "CAPABILITIES|44|Capabilities Utils\n"
            + "URI|45|URI Utils\n"
            + "AUTH|46|Authentication Utils\n"
            + "DBUS|47|DBus Utils\n"
            + "PARALLELS|48|Parallels Cloud Server\n"
            + "DEVICE|49|Device Config\n"
            + "SSH|50|SSH transport layer\n"
            + "LOCKSPACE|51|Lock Space\n"
            + "INITCTL|52|Init control\n"
            + "IDENTITY|53|Identity\n"
            + "CGROUP|54|Cgroup\n"
            + "ACCESS|55|Access Manager\n"
            + "SYSTEMD|56|Systemd\n"
            + "BHYVE|57|Bhyve\n"
            + "CRYPTO|58|Crypto\n"
            + "FIREWALL|59|Firewall\n"
            + "POLKIT|60|Polkit\n"
            + "THREAD|61|Thread jobs\n"
            + "ADMIN|62|Admin Interface\n"
            + "LOGGING|63|Log Manager\n"
            + "XENXL|64|Xen XL Config\n"
            + "PERF|65|Perf\n"
            + "LIBSSH|66|Libssh transport layer\n"
            + "RESCTRL|67|Resource control\n"
            + "FIREWALLD|68|FirewallD\n"
            + "DOMAIN_CHECKPOINT|69|Domain Checkpoint\n"
            + "TPM|70|TPM\n"
            + "BPF|71|BPF\n"
            + "CH|72|Cloud-Hypervisor Driver\n";
}

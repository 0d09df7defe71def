package io.jvirt;

/**
 * Which part of the stack raised an error, with libvirt's {@code virErrorDomain} names, numbers
 * and printable labels (e.g. {@code TEST} is 12, "Test Driver").
 */
public enum ErrorDomain {
    NONE(0, ""),
    XEN(1, "Xen Driver"),
    XEND(2, "Xen Daemon"),
    XENSTORE(3, "Xen Store"),
    SEXPR(4, "S-Expression"),
    XML(5, "XML Util"),
    DOM(6, "Domain"),
    RPC(7, "XML-RPC"),
    PROXY(8, "Proxy Daemon"),
    CONF(9, "Config File"),
    QEMU(10, "QEMU Driver"),
    NET(11, "Network"),
    TEST(12, "Test Driver"),
    REMOTE(13, "Remote Driver"),
    OPENVZ(14, "OpenVZ Driver"),
    XENXM(15, "Xen XM Driver"),
    STATS_LINUX(16, "Linux Statistics"),
    LXC(17, "LXC Driver"),
    STORAGE(18, "Storage Driver"),
    NETWORK(19, "Network Driver"),
    DOMAIN(20, "Domain Config"),
    UML(21, "User Mode Linux Driver"),
    NODEDEV(22, "Node Device Driver"),
    XEN_INOTIFY(23, "Xen Inotify Driver"),
    SECURITY(24, "Security Driver"),
    VBOX(25, "VirtualBox Driver"),
    INTERFACE(26, "Network Interface Driver"),
    ONE(27, "Open Nebula Driver"),
    ESX(28, "ESX Driver"),
    PHYP(29, "Power Hypervisor Driver"),
    SECRET(30, "Secrets Driver"),
    CPU(31, "CPU Driver"),
    XENAPI(32, "XenAPI Driver"),
    NWFILTER(33, "Network Filter Driver"),
    HOOK(34, "Lifecycle Hook"),
    DOMAIN_SNAPSHOT(35, "Domain Snapshot"),
    AUDIT(36, "Audit Utils"),
    SYSINFO(37, "Sysinfo Utils"),
    STREAMS(38, "I/O Stream Utils"),
    VMWARE(39, "VMware Driver"),
    EVENT(40, "Event Loop"),
    LIBXL(41, "Xen Light Driver"),
    LOCKING(42, "Lock Driver"),
    HYPERV(43, "Hyper-V Driver"),
    CAPABILITIES(44, "Capabilities Utils"),
    URI(45, "URI Utils"),
    AUTH(46, "Authentication Utils"),
    DBUS(47, "DBus Utils"),
    PARALLELS(48, "Parallels Cloud Server"),
    DEVICE(49, "Device Config"),
    SSH(50, "SSH transport layer"),
    LOCKSPACE(51, "Lock Space"),
    INITCTL(52, "Init control"),
    IDENTITY(53, "Identity"),
    CGROUP(54, "Cgroup"),
    ACCESS(55, "Access Manager"),
    SYSTEMD(56, "Systemd"),
    BHYVE(57, "Bhyve"),
    CRYPTO(58, "Crypto"),
    FIREWALL(59, "Firewall"),
    POLKIT(60, "Polkit"),
    THREAD(61, "Thread jobs"),
    ADMIN(62, "Admin Interface"),
    LOGGING(63, "Log Manager"),
    XENXL(64, "Xen XL Config"),
    PERF(65, "Perf"),
    LIBSSH(66, "Libssh transport layer"),
    RESCTRL(67, "Resource control"),
    FIREWALLD(68, "FirewallD"),
    DOMAIN_CHECKPOINT(69, "Domain Checkpoint"),
    TPM(70, "TPM"),
    BPF(71, "BPF"),
    CH(72, "Cloud-Hypervisor Driver");

    private final int value;
    private final String label;

    ErrorDomain(int value, String label) {
        this.value = value;
        this.label = label;
    }

    /** libvirt's number for this domain ({@code virErrorDomain}). */
    public int value() {
        return value;
    }

    /** libvirt's printable name, as in {@code libvirt: Test Driver error : ...}. */
    public String label() {
        return label;
    }
}

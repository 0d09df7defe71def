package io.jvirt.shell;

/** virsh's command groups in its order (plus jvirsh's own), with the keyword {@code help KEYWORD} accepts. */
enum CommandGroup {
    DOMAIN("Domain Management", "domain"),
    MONITOR("Domain Monitoring", "monitor"),
    EVENTS("Domain Events", "events"),
    HOST("Host and Hypervisor", "host"),
    INTERFACE("Interface", "interface"),
    NETWORK("Networking", "network"),
    POOL("Storage Pool", "pool"),
    VOLUME("Storage Volume", "volume"),
    /** jvirsh's own: {@code plan} (not in virsh). */
    CAPACITY("Capacity Planning (jvirsh)", "capacity"),
    VIRSH("Virsh itself", "virsh");

    private final String title;
    private final String keyword;

    CommandGroup(String title, String keyword) {
        this.title = title;
        this.keyword = keyword;
    }

    String title() {
        return title;
    }

    String keyword() {
        return keyword;
    }
}

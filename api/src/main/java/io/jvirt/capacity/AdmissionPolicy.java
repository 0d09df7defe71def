package io.jvirt.capacity;

import io.jvirt.ConnectOptions;
import io.jvirt.ConnectUri;
import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.util.Locale;

/**
 * Admission control: a connection that refuses to start or create a domain that would
 * overcommit the host. Off by default, as in libvirt; turn it on per connection, with a URI
 * parameter or in the options:
 *
 * <pre>{@code
 * Virt.open("qemu:///system?admission=strict");                      // 1 vCPU per logical processor
 * Virt.open("xen:///system?admission=strict&admission_ratio=4&admission_reserve=2G");
 * Virt.open("test:///default?admission=hyperv-2008r2");              // a profile's ratio and memory rules
 * Virt.open(uri, ConnectOptions.defaults().withAdmission(AdmissionPolicy.strict().withVcpusPerLogicalProcessor(4)));
 * }</pre>
 *
 * <p>On such a connection {@link Domain#start} and {@link Connection#createDomain} first count
 * what the host's running domains hold and what the new one asks, and fail with
 * {@link ErrorCode#OPERATION_INVALID}, changing nothing, when either rule breaks:
 * <ul>
 * <li><b>vCPUs</b>: running vCPUs + the new domain's ≤ the host's logical processors × the
 *     ratio;</li>
 * <li><b>memory</b>: running domains' memory + the new domain's + (running domains + 1) ×
 *     overhead + host reserve ≤ the host's memory.</li>
 * </ul>
 * The message names the rule and the numbers, e.g. on {@code test:///default} (16 logical
 * processors, 3 GiB) after {@code destroy test}: {@code Requested operation is not valid:
 * admission control refuses to start domain 'test': memory: 8 GiB for 'test' + 0 B of 0 running
 * domains + 1 × 32 MiB overhead + 512 MiB reserve = 8736 MiB, over the host's 3 GiB}.
 *
 * <p>vCPUs count as each domain runs them (the current count); memory counts at each domain's
 * maximum ({@code <memory>}), since a guest may balloon up to it. The host's figures come from
 * {@link Connection#nodeInfo()}. The check and the start it guards are atomic among the calls of
 * one connection; starts through other connections, restores ({@link Connection#restoreDomain}),
 * and live vCPU or memory changes are not checked.
 *
 * <p>URI parameters (the API layer reads them and does not pass them to the driver):
 * {@code admission=strict} (1 vCPU per logical processor, 32 MiB overhead per VM, 512 MiB
 * reserve), {@code admission=PROFILE} (a {@link HostProfile}'s ratio, overhead and reserve),
 * {@code admission=none}; {@code admission_ratio=N}, {@code admission_overhead=SIZE} and
 * {@code admission_reserve=SIZE} (libvirt's units; a bare number is KiB) adjust it, and alone
 * imply {@code strict}. A policy in {@link ConnectOptions} wins over the URI's.
 */
public final class AdmissionPolicy {
    private static final AdmissionPolicy NONE = new AdmissionPolicy(false, HostProfile.GENERIC);
    private static final AdmissionPolicy STRICT = new AdmissionPolicy(true, HostProfile.GENERIC);

    private final boolean enabled;
    private final HostProfile rules;

    private AdmissionPolicy(boolean enabled, HostProfile rules) {
        this.enabled = enabled;
        this.rules = rules;
    }

    /** No admission control: libvirt's behaviour, the default. */
    public static AdmissionPolicy none() {
        return NONE;
    }

    /** 1 vCPU per logical processor, 32 MiB of overhead per VM, 512 MiB kept for the host. */
    public static AdmissionPolicy strict() {
        return STRICT;
    }

    /** The ratio, overhead and reserve of {@code profile}. */
    public static AdmissionPolicy of(HostProfile profile) {
        return new AdmissionPolicy(true, profile);
    }

    /** The same policy (enabled) allowing {@code ratio} vCPUs per logical processor. */
    public AdmissionPolicy withVcpusPerLogicalProcessor(long ratio) {
        return new AdmissionPolicy(true, rules.withVcpusPerLogicalProcessor(ratio));
    }

    /** The same policy (enabled) counting {@code bytes} of overhead per domain. */
    public AdmissionPolicy withOverheadBytes(long bytes) {
        return new AdmissionPolicy(true, rules.withOverheadBytes(bytes));
    }

    /** The same policy (enabled) keeping {@code bytes} of memory for the host. */
    public AdmissionPolicy withReserveBytes(long bytes) {
        return new AdmissionPolicy(true, rules.withReserveBytes(bytes));
    }

    /** True unless this is {@link #none()}. */
    public boolean isEnabled() {
        return enabled;
    }

    /** vCPUs allowed per logical processor. */
    public long vcpusPerLogicalProcessor() {
        return rules.vcpusPerLogicalProcessor();
    }

    /** Memory counted per domain on top of its own, bytes. */
    public long overheadBytes() {
        return rules.overheadBytes();
    }

    /** Memory kept for the host, bytes. */
    public long reserveBytes() {
        return rules.reserveBytes();
    }

    /**
     * The policy a URI's parameters ask for (see the class comment); {@link #none()} when
     * they ask for none.
     *
     * @throws VirtException {@code INVALID_ARG} for a value that does not parse
     */
    public static AdmissionPolicy fromUri(ConnectUri uri) {
        String mode = uri.param("admission").orElse(null);
        boolean tuned = uri.param("admission_ratio").isPresent() || uri.param("admission_overhead").isPresent()
                || uri.param("admission_reserve").isPresent();
        AdmissionPolicy p;
        if (mode == null) {
            p = tuned ? STRICT : NONE;
        } else {
            switch (mode.toLowerCase(Locale.ROOT)) {
                case "none", "off" -> p = NONE;
                case "strict", "on" -> p = STRICT;
                default -> p = of(HostProfile.named(mode));
            }
        }
        if (!p.enabled) {
            if (tuned) {
                throw Quantities.invalid("admission=" + mode + " turns admission control off;"
                        + " admission_ratio, admission_overhead and admission_reserve need it on");
            }
            return p;
        }
        String ratio = uri.param("admission_ratio").orElse(null);
        if (ratio != null) {
            try {
                p = p.withVcpusPerLogicalProcessor(Long.parseLong(ratio.strip()));
            } catch (NumberFormatException e) {
                throw Quantities.invalid("admission_ratio: '" + ratio + "' is not a whole number");
            }
        }
        String overhead = uri.param("admission_overhead").orElse(null);
        if (overhead != null) {
            p = p.withOverheadBytes(Quantities.parseSize("admission_overhead", overhead, Quantities.KIB));
        }
        String reserve = uri.param("admission_reserve").orElse(null);
        if (reserve != null) {
            p = p.withReserveBytes(Quantities.parseSize("admission_reserve", reserve, Quantities.KIB));
        }
        return p;
    }

    /**
     * Fails if creating and starting the domain described by {@code xml} on {@code conn}'s host
     * would break this policy. XML that does not parse is left to the driver to refuse.
     *
     * @throws VirtException {@link ErrorCode#OPERATION_INVALID} naming the rule and the numbers
     */
    public void checkCreate(Connection conn, String xml) {
        DomainDemand d = enabled ? DomainDemand.of(xml) : null;
        if (d != null) {
            AdmissionCheck.check(conn, rules, d, "create");
        }
    }

    /**
     * Fails if starting {@code domain} (shut off) would break this policy; a running domain is
     * left to the driver to refuse.
     *
     * @throws VirtException {@link ErrorCode#OPERATION_INVALID} naming the rule and the numbers
     */
    public void checkStart(Domain domain) {
        if (!enabled || domain.isActive()) {
            return;
        }
        DomainDemand d = DomainDemand.of(domain.xml());
        if (d != null) {
            AdmissionCheck.check(domain.connection(), rules,
                    new DomainDemand(domain.name(), d.vcpus(), d.memoryBytes(), false), "start");
        }
    }

    @Override
    public String toString() {
        return enabled ? "AdmissionPolicy[" + rules.vcpusPerLogicalProcessor() + " vCPUs per logical processor, "
                + Quantities.formatSize(rules.overheadBytes()) + " overhead, " + Quantities.formatSize(rules.reserveBytes())
                + " reserve]" : "AdmissionPolicy[none]";
    }
}

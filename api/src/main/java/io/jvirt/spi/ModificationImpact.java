package io.jvirt.spi;

import io.jvirt.DomainModification;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.Set;

/**
 * Which definitions a change touches, libvirt's {@code virDomainObjUpdateModificationImpact}: no
 * LIVE or CONFIG flag means the live one when the domain runs, else the persistent one; LIVE
 * needs a running domain and CONFIG a persistent one (messages as libvirt's).
 *
 * @param live   the running guest and its live definition
 * @param config the persistent definition
 */
public record ModificationImpact(boolean live, boolean config) {

    /** The impact of {@code flags} on a domain that is (not) {@code active} and (not) {@code persistent}. */
    public static ModificationImpact of(boolean active, boolean persistent, Set<DomainModification> flags) {
        boolean live = flags.contains(DomainModification.LIVE);
        boolean config = flags.contains(DomainModification.CONFIG);
        if (!live && !config) {
            live = active;
            config = !active;
        }
        if (live && !active) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        if (config && !persistent) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "transient domains do not have any persistent config");
        }
        return new ModificationImpact(live, config);
    }

    /** libvirt's virDomainObjGetOneDefState: exactly one side, for reads; true means live. */
    public static boolean oneLive(boolean active, boolean persistent, Set<DomainModification> flags) {
        ModificationImpact impact = of(active, persistent, flags);
        if (impact.live && impact.config) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        return impact.live;
    }
}

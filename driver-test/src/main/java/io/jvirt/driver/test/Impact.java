package io.jvirt.driver.test;

import io.jvirt.DomainModification;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.Set;

/**
 * Which definitions a change touches, libvirt's virDomainObjUpdateModificationImpact: no flag
 * means the live one when running, else the persistent one; LIVE needs a running domain and
 * CONFIG a persistent one.
 */
record Impact(boolean live, boolean config) {

    static Impact of(TestDomain d, Set<DomainModification> flags) {
        boolean live = flags.contains(DomainModification.LIVE);
        boolean config = flags.contains(DomainModification.CONFIG);
        if (!live && !config) {
            if (d.isActive()) {
                live = true;
            } else {
                config = true;
            }
        }
        if (live && !d.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        if (config && !d.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "transient domains do not have any persistent config");
        }
        return new Impact(live, config);
    }

    /** libvirt's virDomainObjGetOneDefState: exactly one side, live or config. */
    static boolean live(TestDomain d, Set<DomainModification> flags) {
        Impact impact = of(d, flags);
        if (impact.live && impact.config) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        return impact.live;
    }

    /** libvirt's virDomainObjGetOneDef: the one definition a read looks at. */
    static DomainConfig oneDef(TestDomain d, Set<DomainModification> flags) {
        return live(d, flags) ? d.def() : d.persistentDef();
    }
}

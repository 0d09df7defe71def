package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;

/**
 * Network XML as libvirt's generic network parser leaves it: a UUID when none was given,
 * {@code <forward/>} meaning NAT, and a NAT or routed network's bridge with STP on and no delay.
 */
public final class NetworkDefaults {
    private NetworkDefaults() {
    }

    /** Parses network XML and completes it as {@link #complete} does. */
    public static NetworkDef parse(String xml) {
        return complete(LibvirtXml.parseNetwork(xml));
    }

    /** Checks the name and forwarding, canonicalises or generates the UUID, fills bridge defaults. */
    public static NetworkDef complete(NetworkDef def) {
        if (def.getName() == null || def.getName().isEmpty()) {
            throw new VirtException(ErrorCode.NO_NAME, ErrorDomain.NETWORK,
                    "missing name information in network");
        }
        if (def.getUuid() == null) {
            def.setUuid(Uuids.random());
        } else {
            String canonical = Uuids.canonical(def.getUuid());
            if (canonical == null) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, "malformed uuid element");
            }
            def.setUuid(canonical);
        }
        String mode = null;
        if (def.getForward() != null) {
            if (def.getForward().getMode() == null) {
                def.getForward().setMode("nat");
            }
            mode = def.getForward().getMode();
        }
        boolean l3 = "nat".equals(mode) || "route".equals(mode) || "open".equals(mode);
        if (l3 && def.getIps().isEmpty()) {
            // Pointless to forward at layer 3 without saying which network we are on.
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.NETWORK, mode
                    + " forwarding requested, but no IP address provided for network '" + def.getName() + "'");
        }
        NetworkBridgeDef bridge = def.getBridge();
        boolean bridged = mode == null || mode.equals("nat") || mode.equals("route") || mode.equals("open");
        if (bridge != null && bridged) {
            if (bridge.getStp() == null) {
                bridge.setStp("on");
            }
            if (bridge.getDelay() == null) {
                bridge.setDelay("0");
            }
        }
        return def;
    }
}

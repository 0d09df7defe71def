package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.Uuids;
import io.jvirt.xml.NetworkBridgeDef;
import io.jvirt.xml.NetworkDef;

/**
 * Network XML as libvirt's generic network parser leaves it: a UUID when none was given,
 * {@code <forward/>} meaning NAT, and a NAT or routed network's bridge with STP on and no delay.
 */
final class NetworkDefaults {
    private NetworkDefaults() {
    }

    static NetworkDef parse(String xml) {
        return complete(LibvirtXml.parseNetwork(xml));
    }

    static NetworkDef complete(NetworkDef def) {
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

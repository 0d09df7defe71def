package io.jvirt.driver.xen.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of disk=[...] in xl's disk syntax (docs/misc/xl-disk-configuration): comma-separated
 * key=value pairs, flags and the positional parameters target, format, vdev, access. A named
 * "target=" swallows the rest of the spec, commas included, so it must come last.
 */
record XlDiskSpec(String target, String format, String vdev, String access, String devtype,
        String backendtype, String script, String backend) {

    private static final String[] POSITIONAL = {"target", "format", "vdev", "access"};

    static XlDiskSpec parse(String spec) {
        Map<String, String> named = new LinkedHashMap<>();
        int nextPositional = 0;
        int pos = 0;
        while (pos <= spec.length()) {
            String rest = spec.substring(pos).stripLeading();
            if (rest.startsWith("target=")) {
                put(named, "target", rest.substring("target=".length()), spec);
                break;
            }
            int comma = spec.indexOf(',', pos);
            String token = (comma < 0 ? spec.substring(pos) : spec.substring(pos, comma)).strip();
            pos = comma < 0 ? spec.length() + 1 : comma + 1;
            int eq = token.indexOf('=');
            if (eq >= 0) {
                String key = token.substring(0, eq);
                String value = token.substring(eq + 1);
                switch (key) {
                    case "target", "format", "vdev", "access", "devtype", "backendtype", "script",
                            "backend" -> put(named, key, value, spec);
                    // Accepted by xl but without a domain XML counterpart here.
                    case "specification", "transport", "trusted", "colo-host", "colo-port",
                            "colo-export", "active-disk", "hidden-disk" -> { }
                    default -> throw XlConfig.invalid("unknown disk parameter '" + key + "' in '" + spec + "'");
                }
            } else if (token.equals("cdrom")) {
                put(named, "devtype", "cdrom", spec);
            } else if (token.equals("direct-io-safe") || token.equals("discard")
                    || token.equals("no-discard")) {
                continue;
            } else if (token.isEmpty() && comma < 0) {
                // the empty remainder after a trailing comma: xl ends each positional at its comma
                continue;
            } else {
                while (nextPositional < POSITIONAL.length && named.containsKey(POSITIONAL[nextPositional])) {
                    nextPositional++;
                }
                if (nextPositional >= POSITIONAL.length) {
                    throw XlConfig.invalid("too many positional parameters in disk spec '" + spec + "'");
                }
                String key = POSITIONAL[nextPositional++];
                // vdev "hdc:cdrom" is the legacy way to say devtype=cdrom.
                if (key.equals("vdev") && token.endsWith(":cdrom")) {
                    token = token.substring(0, token.length() - ":cdrom".length());
                    put(named, "devtype", "cdrom", spec);
                }
                if (!token.isEmpty()) {
                    put(named, key, token, spec);
                }
            }
        }
        String target = named.get("target");
        String backendtype = named.get("backendtype");
        String format = named.get("format");
        // Legacy prefixes on the target: phy:, file:, tap:aio:, tap:qcow2:, aio:, qcow2:, ...
        if (target != null) {
            String[] prefixes = {"phy:", "file:", "tap:aio:", "tap:tapdisk:", "tap2:aio:", "aio:",
                "tap:qcow2:", "tap:qcow:", "tap:vhd:", "qcow2:", "qcow:", "vhd:", "raw:"};
            for (String p : prefixes) {
                if (target.startsWith(p)) {
                    target = target.substring(p.length());
                    if (p.equals("phy:")) {
                        backendtype = backendtype == null ? "phy" : backendtype;
                    } else if (p.contains("qcow2")) {
                        format = "qcow2";
                    } else if (p.contains("qcow")) {
                        format = "qcow";
                    } else if (p.contains("vhd")) {
                        format = "vhd";
                    }
                    break;
                }
            }
        }
        if (named.get("vdev") == null) {
            throw XlConfig.invalid("disk spec '" + spec + "' has no vdev");
        }
        return new XlDiskSpec(target, format, named.get("vdev"), named.get("access"),
                named.get("devtype"), backendtype, named.get("script"), named.get("backend"));
    }

    private static void put(Map<String, String> named, String key, String value, String spec) {
        if (named.containsKey(key)) {
            throw XlConfig.invalid("disk parameter '" + key + "' given twice in '" + spec + "'");
        }
        named.put(key, value);
    }

    boolean readOnly() {
        return access != null && (access.equals("ro") || access.equals("r"));
    }

    boolean cdrom() {
        return "cdrom".equals(devtype);
    }

    /** libvirt's layout (xenFormatXLDisk): format, vdev, access, backendtype, devtype, target. */
    String toSpec() {
        StringBuilder sb = new StringBuilder();
        sb.append("format=").append(format == null ? "raw" : format);
        sb.append(",vdev=").append(vdev);
        sb.append(",access=").append(access == null ? "rw" : access);
        if (backendtype != null) {
            sb.append(",backendtype=").append(backendtype);
        }
        if (backend != null) {
            sb.append(",backend=").append(backend);
        }
        if (script != null) {
            sb.append(",script=").append(script);
        }
        if (cdrom()) {
            sb.append(",devtype=cdrom");
        }
        if (target != null) {
            sb.append(",target=").append(target);
        }
        return sb.toString();
    }
}

package io.jvirt.driver.xen.config;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.xml.CpuDef;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.ScaledValue;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.w3c.dom.Element;

/**
 * xl's virtual NUMA nodes, {@code vnuma = [ [ "pnode=0", "size=512", "vcpus=0-1",
 * "vdistances=10,20" ], ... ]}, ⇄ libvirt's {@code <cpu><numa><cell>}, as libvirt's xen_xl.c
 * maps them (xenParseXLVnuma, xenFormatXLDomainVnuma). The vnode's place in the list is its
 * cell id; pnode is checked but not kept, and written back as the cell id.
 */
final class XlVnuma {
    /** ACPI SLIT distances: a node to itself, and libvirt's default between two nodes. */
    private static final int LOCAL_DISTANCE = 10;
    private static final int REMOTE_DISTANCE = 20;
    private static final int UNREACHABLE = 255;
    /** libvirt copies each value into a 64-byte buffer first; longer ones are refused. */
    private static final int TOKEN_MAX = 63;

    private XlVnuma() {
    }

    /** One vnode: its vCPUs, memory in MiB and distances to every vnode (0: not given). */
    private record Cell(BitSet cpus, long mib, int[] distances) {
    }

    // ---- xl.cfg → XML ----

    static void parse(XlConfig cfg, DomainDef def) {
        if (!(cfg.get("vnuma") instanceof XlValue.ListVal list)) {
            return;
        }
        // libvirt counts the leading sub-lists as the vnodes.
        int nodes = 0;
        while (nodes < list.items().size() && list.items().get(nodes) instanceof XlValue.ListVal) {
            nodes++;
        }
        if (list.items().isEmpty()) {
            throw internal("Cannot set an empty mem_nodes set");
        }
        List<Cell> cells = new ArrayList<>();
        long vcpus = 0;
        for (XlValue item : list.items()) {
            Cell cell = vnode(item, cells.size(), nodes);
            vcpus += cell.cpus().cardinality();
            cells.add(cell);
        }
        long max = def.getVcpuCount();
        if (max < vcpus) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.XENXL, "vnuma configuration contains "
                    + vcpus + " vcpus, which is greater than " + max + " maxvcpus");
        }
        Element numa = XlDom.element("numa");
        long totalKiB = 0;
        for (int id = 0; id < cells.size(); id++) {
            Cell c = cells.get(id);
            long kib = c.mib() * 1024;
            totalKiB += kib;
            Element cell = XlDom.element("cell", "id", Integer.toString(id), "cpus", CpuList.format(c.cpus()),
                    "memory", Long.toString(kib), "unit", "KiB");
            if (c.distances() != null) {
                Element distances = XlDom.element("distances");
                for (int j = 0; j < c.distances().length; j++) {
                    XlDom.append(distances, XlDom.element("sibling", "id", Integer.toString(j), "value",
                            Integer.toString(c.distances()[j])));
                }
                XlDom.append(cell, distances);
            }
            XlDom.append(numa, cell);
        }
        // libvirt gives the cells a new plain guest CPU, replacing the one nestedhvm may have
        // made; keeping that one instead keeps what nestedhvm asked for.
        if (def.getCpu() == null) {
            def.setCpu(new CpuDef());
        }
        def.getCpu().getExtraElements().add(numa);
        // libvirt's post-parse: the initial memory is the cells' sum, the balloon no larger.
        def.setMemoryKiB(totalKiB);
        if (def.getCurrentMemoryKiB() > totalKiB || def.getCurrentMemoryKiB() == 0) {
            def.setCurrentMemoryKiB(totalKiB);
        }
    }

    private static Cell vnode(XlValue item, int index, int nodes) {
        int pnode = -1;
        BitSet cpus = null;
        long mib = 0;
        int[] distances = null;
        if (item instanceof XlValue.ListVal settings) {
            for (XlValue v : settings.items()) {
                if (!(v instanceof XlValue.Str s)) {
                    break; // libvirt reads a vnode's strings up to the first non-string
                }
                String str = s.value();
                int eq = str.lastIndexOf('=');
                if (eq < 0) {
                    throw internal("vnuma vnode invalid format '" + str + "'");
                }
                String data = str.substring(eq + 1);
                if (data.isEmpty()) {
                    continue;
                }
                String key = str.startsWith("pnode") ? "pnode" : str.startsWith("size") ? "size"
                        : str.startsWith("vcpus") ? "vcpus" : str.startsWith("vdistances") ? "vdistances" : null;
                if (key == null) {
                    throw new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.XENXL,
                            "Invalid vnuma configuration for vnode " + index);
                }
                if (data.length() > TOKEN_MAX) {
                    throw internal("vnuma vnode " + index + " " + key + " '" + data + "' too long for destination");
                }
                switch (key) {
                    case "pnode" -> {
                        long cell = unsigned(data);
                        if (cell < 0 || cell >= nodes) {
                            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.XENXL, "vnuma vnode "
                                    + index + " contains invalid pnode value '" + data + "'");
                        }
                        pnode = (int) cell;
                    }
                    case "size" -> {
                        mib = unsigned(data);
                        if (mib < 0) {
                            throw internal("vnuma vnode " + index + " size '" + data + "' is not a number");
                        }
                    }
                    case "vcpus" -> cpus = CpuList.parse(data);
                    default -> distances = distances(data, str, pnode, nodes);
                }
            }
        }
        if (pnode < 0 || cpus == null || mib == 0) {
            throw new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.XENXL,
                    "Incomplete vnuma configuration for vnode " + index);
        }
        return new Cell(cpus, mib, distances);
    }

    private static int[] distances(String data, String setting, int pnode, int nodes) {
        String[] parts = data.split(",", -1);
        if (parts.length != nodes) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.XENXL, "vnuma pnode " + pnode
                    + " configured '" + setting + "' (count " + parts.length
                    + ") doesn't fit the number of specified vnodes " + nodes);
        }
        int[] out = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            long v = unsigned(parts[i]);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw internal("vnuma vdistances value '" + parts[i] + "' is not a number");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** A decimal unsigned number as virStrToLong_ui/ull take it, or -1. */
    static long unsigned(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(s);
    }

    // ---- XML → xl.cfg ----

    static void format(DomainDef def, XlConfig cfg) {
        Element numa = def.getCpu() == null ? null : def.getCpu().getExtraElement("numa");
        if (numa == null) {
            return;
        }
        List<Element> cells = XlDom.children(numa, "cell");
        int n = cells.size();
        if (n == 0) {
            return;
        }
        Element[] byId = new Element[n];
        for (Element cell : cells) {
            int id = cellId(cell, n);
            if (byId[id] != null) {
                throw xmlError("Duplicate NUMA cell info for cell id '" + id + "'");
            }
            byId[id] = cell;
        }
        int[][] distance = new int[n][];
        for (Element cell : cells) {
            parseDistances(cell, cellId(cell, n), distance);
        }
        List<XlValue> vnodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Element cell = byId[i];
            String cpus = XlDom.attr(cell, "cpus");
            if (cpus == null) {
                throw xmlError("Missing 'cpus' attribute in NUMA cell");
            }
            String memory = XlDom.attr(cell, "memory");
            if (memory == null) {
                throw xmlError("Missing 'memory' attribute in NUMA cell");
            }
            long kib = new ScaledValue(memory, XlDom.attr(cell, "unit")).toKiB();
            StringBuilder d = new StringBuilder("vdistances=");
            for (int j = 0; j < n; j++) {
                int v = distance[i] == null ? 0 : distance[i][j];
                d.append(j > 0 ? "," : "").append(v != 0 ? v : i == j ? LOCAL_DISTANCE : REMOTE_DISTANCE);
            }
            vnodes.add(new XlValue.ListVal(List.of(new XlValue.Str("pnode=" + i),
                    new XlValue.Str("size=" + kib / 1024), new XlValue.Str("vcpus=" + CpuList.format(CpuList.parse(cpus))),
                    new XlValue.Str(d.toString()))));
        }
        cfg.put("vnuma", new XlValue.ListVal(vnodes));
    }

    private static int cellId(Element cell, int n) {
        long id = unsigned(XlDom.attr(cell, "id") == null ? "" : XlDom.attr(cell, "id").strip());
        if (id < 0 || id >= n) {
            throw xmlError("Invalid 'id' attribute in NUMA cell");
        }
        return (int) id;
    }

    /**
     * A cell's {@code <distances>}, checked and stored as libvirt's XML parser does: a sibling
     * not given one of its own takes the same distance back (symmetry), in document order.
     */
    private static void parseDistances(Element cell, int id, int[][] distance) {
        Element distances = XlDom.child(cell, "distances");
        if (distances == null) {
            return;
        }
        int n = distance.length;
        for (Element sibling : XlDom.children(distances, "sibling")) {
            long to = unsigned(String.valueOf(XlDom.attr(sibling, "id")).strip());
            if (to < 0) {
                throw xmlError("Invalid value for attribute 'id' in element 'sibling'");
            }
            if (to >= n) {
                throw xmlError("'sibling_id " + to + "' does not refer to a valid cell within NUMA 'cell id " + id + "'");
            }
            long value = unsigned(String.valueOf(XlDom.attr(sibling, "value")).strip());
            if (value < 0) {
                throw xmlError("Invalid value for attribute 'value' in element 'sibling'");
            }
            if (value < LOCAL_DISTANCE || value > UNREACHABLE) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "'value " + value
                        + "' is invalid for 'sibling id " + to + "' under NUMA 'cell id " + id + "'");
            }
            if (value == LOCAL_DISTANCE && to != id) {
                throw xmlError("'value " + value + "' is invalid for non-local 'sibling id " + to
                        + "' under NUMA 'cell id " + id + "'");
            }
            if (to == id && value != LOCAL_DISTANCE) {
                throw xmlError("'sibling_id " + to + "' does not have LOCAL_DISTANCE value of 10 under NUMA 'cell id "
                        + id + "'");
            }
            int t = (int) to;
            if (distance[id] == null) {
                distance[id] = new int[n];
                distance[id][id] = LOCAL_DISTANCE;
            }
            distance[id][t] = (int) value;
            if (distance[t] == null) {
                distance[t] = new int[n];
                distance[t][t] = LOCAL_DISTANCE;
            }
            if (distance[t][id] == 0) {
                distance[t][id] = (int) value;
            }
        }
    }

    private static VirtException internal(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XENXL, detail);
    }

    private static VirtException xmlError(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, detail);
    }
}

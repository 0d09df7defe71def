package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.CpuDef;
import io.jvirt.xml.Units;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * {@code <cpu><numa><cell cpus memory/></numa></cpu>} as QEMU guest NUMA nodes: each cell's
 * memory is a RAM backend ({@code -object memory-backend-ram}) its node points at, since
 * machine types after 5.0 refuse the older {@code -numa node,mem=}.
 *
 * <p>As libvirt does, each cell's size is rounded up to whole MiB and the guest's RAM is their
 * sum: QEMU rounds RAM up to 8 KiB, and refuses cells that don't add up to it exactly.
 *
 * @param argv the {@code -object}/{@code -numa} pairs
 * @param totalKiB the guest RAM the cells add up to
 */
record NumaCells(List<String> argv, long totalKiB) {
    private static final long MIB_IN_KIB = 1024;

    /** The cells of {@code cpu}, or null without {@code <numa>}. */
    static NumaCells of(CpuDef cpu, long memoryKiB, int vcpus) {
        Element numa = cpu == null ? null : cpu.getExtraElement("numa");
        if (numa == null) {
            return null;
        }
        List<String> argv = new ArrayList<>();
        long totalKiB = 0;
        int id = 0;
        for (Element cell = first(numa); cell != null; cell = next(cell), id++) {
            if (!cell.getLocalName().equals("cell")) {
                continue; // <distances> and the like are refused by name by XmlCoverage
            }
            if (cell.hasAttribute("id") && !cell.getAttribute("id").equals(Integer.toString(id))) {
                throw unsupported("NUMA cell id '" + cell.getAttribute("id") + "' out of order");
            }
            long kib = Units.parseMemoryKiB(cell.getAttribute("memory"), cell.getAttribute("unit").isEmpty()
                    ? null : cell.getAttribute("unit"), "./cpu/numa/cell[" + (id + 1) + "]/@memory", false);
            kib = (kib + MIB_IN_KIB - 1) / MIB_IN_KIB * MIB_IN_KIB;
            totalKiB += kib;
            argv.add("-object");
            argv.add("memory-backend-ram,id=ram-node" + id + ",size=" + kib * 1024);
            StringBuilder node = new StringBuilder("node,nodeid=").append(id);
            for (String range : cpus(cell.getAttribute("cpus"), vcpus)) {
                node.append(",cpus=").append(range);
            }
            argv.add("-numa");
            argv.add(node.append(",memdev=ram-node").append(id).toString());
        }
        if (totalKiB < memoryKiB || totalKiB - memoryKiB >= MIB_IN_KIB * id) {
            throw unsupported("the NUMA cells' memory (" + totalKiB + " KiB) differs from <memory> ("
                    + memoryKiB + " KiB)");
        }
        return new NumaCells(List.copyOf(argv), totalKiB);
    }

    /** "0-3,8-11" as its ranges, each within the guest's vCPUs; libvirt's '^' exclusions are refused. */
    private static List<String> cpus(String list, int vcpus) {
        List<String> ranges = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (!p.matches("[0-9]{1,4}(-[0-9]{1,4})?")) {
                throw unsupported("NUMA cell cpus '" + list + "'");
            }
            String[] ends = p.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[ends.length - 1]);
            if (from > to || to >= vcpus) {
                throw unsupported("NUMA cell cpus '" + list + "' beyond the " + vcpus + " vCPUs");
            }
            ranges.add(from == to ? Integer.toString(from) : from + "-" + to);
        }
        return ranges;
    }

    private static Element first(Element parent) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static Element next(Element e) {
        for (var n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element s) {
                return s;
            }
        }
        return null;
    }
}

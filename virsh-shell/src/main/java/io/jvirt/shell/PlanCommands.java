package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.integer;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.VirtException;
import io.jvirt.capacity.CapacityPlan;
import io.jvirt.capacity.CapacityPlanner;
import io.jvirt.capacity.HostFit;
import io.jvirt.capacity.HostProfile;
import io.jvirt.capacity.Quantities;
import io.jvirt.capacity.VmShape;
import io.jvirt.shell.OptionSpec.Opt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * jvirsh's "Capacity Planning" group (a jvirsh extension, not in virsh): {@code plan} sizes a
 * host for VMs with {@link CapacityPlanner} and, with {@code --check}, compares the plan with
 * the connected host ({@link HostFit}). It only translates options and formats the answer; the
 * arithmetic lives in {@code io.jvirt.capacity}.
 */
final class PlanCommands {
    private PlanCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(cmd("plan", "size a host for VMs (jvirsh extension)",
                "Shows how many logical processors, physical CPUs, memory, NICs and storage a host needs for\n"
                        + "    VMs of a shape (--vms --vcpus --memory --disk --bandwidth) or of the shapes in --file (one\n"
                        + "    per line: count vcpus memory disk bandwidth), with the arithmetic. Sizes take libvirt's\n"
                        + "    units (2G = 2 GiB; a bare memory number is KiB, a bare disk number bytes); rates are bits\n"
                        + "    per second (100M, 1G). Fails when the plan breaks the profile's ceilings or, with\n"
                        + "    --check, does not fit the connected host.",
                PlanCommands::plan,
                integer("vms", "number of VMs of the shape", Opt.NAMED),
                integer("vcpus", "vCPUs per VM", Opt.NAMED),
                string("memory", "memory per VM (2G = 2 GiB)", Opt.NAMED),
                string("disk", "disk per VM (100G)", Opt.NAMED),
                string("bandwidth", "network bandwidth per VM (100M = 100 Mbit/s)", Opt.NAMED),
                string("file", "shapes, one per line: count vcpus memory disk bandwidth", Opt.NAMED),
                string("profile", "generic (default), kvm, xen-4.17 or hyperv-2008r2", Opt.NAMED),
                integer("ratio", "vCPUs per logical processor", Opt.NAMED),
                bool("pow2", "round logical processors and memory up to powers of two"),
                integer("cores-per-socket", "cores per physical CPU", Opt.NAMED),
                integer("threads-per-core", "threads per core (default 1)", Opt.NAMED),
                string("nic-speed", "speed of one NIC (1G)", Opt.NAMED),
                integer("vms-per-nic", "the most VMs one NIC serves", Opt.NAMED),
                string("overhead", "memory overhead per VM (default 32M)", Opt.NAMED),
                string("reserve", "memory the host keeps for itself (default 512M)", Opt.NAMED),
                bool("thin", "disks are thin-provisioned"),
                bool("check", "check the plan against the connected host"))
                .withoutConnection());
    }

    static boolean plan(Invocation inv) {
        List<VmShape> shapes = shapes(inv);
        CapacityPlanner planner = planner(inv);
        CapacityPlan plan;
        try {
            plan = planner.plan(shapes);
        } catch (VirtException e) {
            throw CommandFailure.of(e);
        }
        PlanReport.plan(inv, plan);
        boolean ok = plan.withinProfile();
        for (CapacityPlan.Breach b : plan.breaches()) {
            inv.shell().error(b.message());
        }
        if (inv.bool("check")) {
            if (!inv.shell().ensureConnected()) {
                return false;
            }
            HostFit fit = HostFit.withDefinedDomains(inv.conn(), planner, shapes);
            PlanReport.fit(inv, fit);
            if (!fit.fits()) {
                inv.shell().error("the plan does not fit " + fit.host() + ": " + PlanReport.shortfalls(fit));
                ok = false;
            }
        }
        return ok;
    }

    private static List<VmShape> shapes(Invocation inv) {
        String file = inv.string("file");
        boolean one = inv.bool("vms");
        Invocation.exclusive("vms", one, "file", file != null);
        if (file != null) {
            for (String o : List.of("vcpus", "memory", "disk", "bandwidth")) {
                Invocation.exclusive(o, inv.bool(o), "file", true);
            }
            return fromFile(inv, file);
        }
        if (!one) {
            throw CommandFailure.of("give one shape with --vms N --vcpus N [--memory SIZE] [--disk SIZE]"
                    + " [--bandwidth RATE], or shapes with --file FILE");
        }
        Invocation.requireOption("vms", true, "vcpus", inv.bool("vcpus"));
        long vms = count(inv, "vms");
        long vcpus = count(inv, "vcpus");
        long memory = size(inv, "memory", Quantities.KIB);
        long disk = size(inv, "disk", Quantities.BYTES);
        String bw = inv.string("bandwidth");
        long bandwidth = bw == null ? 0 : number(() -> Quantities.parseRate("--bandwidth", bw));
        return List.of(new VmShape(vms, vcpus, memory, disk, bandwidth));
    }

    private static List<VmShape> fromFile(Invocation inv, String file) {
        List<VmShape> shapes = new ArrayList<>();
        String[] lines = TextFiles.read(inv.shell(), file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                shapes.add(VmShape.parse(line));
            } catch (VirtException e) {
                throw CommandFailure.of(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (shapes.isEmpty()) {
            throw CommandFailure.of(file + ": no shapes (one per line: count vcpus memory disk bandwidth)");
        }
        return shapes;
    }

    private static CapacityPlanner planner(Invocation inv) {
        String name = inv.string("profile");
        HostProfile p = name == null ? HostProfile.GENERIC : call(() -> HostProfile.named(name));
        if (inv.bool("ratio")) {
            p = p.withVcpusPerLogicalProcessor(count(inv, "ratio"));
        }
        String nic = inv.string("nic-speed");
        if (nic != null) {
            p = p.withNicBitsPerSecond(number(() -> Quantities.parseRate("--nic-speed", nic)));
        }
        if (inv.bool("vms-per-nic")) {
            p = p.withVmsPerNic(count(inv, "vms-per-nic"));
        }
        if (inv.bool("overhead")) {
            p = p.withOverheadBytes(size(inv, "overhead", Quantities.KIB));
        }
        if (inv.bool("reserve")) {
            p = p.withReserveBytes(size(inv, "reserve", Quantities.KIB));
        }
        CapacityPlanner planner = CapacityPlanner.of(p).roundToPowerOfTwo(inv.bool("pow2")).thinStorage(inv.bool("thin"));
        Invocation.requireOption("threads-per-core", inv.bool("threads-per-core"), "cores-per-socket",
                inv.bool("cores-per-socket"));
        if (inv.bool("cores-per-socket")) {
            planner = planner.coresPerSocket(count(inv, "cores-per-socket"));
        }
        if (inv.bool("threads-per-core")) {
            planner = planner.threadsPerCore(count(inv, "threads-per-core"));
        }
        return planner;
    }

    /** A whole number of at least 1, or a failure naming the option. */
    private static long count(Invocation inv, String option) {
        String text = inv.string(option).strip();
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw CommandFailure.of("--" + option + ": '" + text + "' is not a whole number (up to " + Long.MAX_VALUE + ")");
        }
        if (n < 1) {
            throw CommandFailure.of("--" + option + " must be at least 1, got " + n);
        }
        return n;
    }

    private static long size(Invocation inv, String option, long bareUnit) {
        String text = inv.string(option);
        return text == null ? 0 : number(() -> Quantities.parseSize("--" + option, text, bareUnit));
    }

    private interface LongCall {
        long get();
    }

    /** Runs an API parser, turning its INVALID_ARG into this command's failure. */
    private static long number(LongCall c) {
        try {
            return c.get();
        } catch (VirtException e) {
            throw CommandFailure.of(e);
        }
    }

    private static <T> T call(Supplier<T> c) {
        try {
            return c.get();
        } catch (VirtException e) {
            throw CommandFailure.of(e);
        }
    }
}

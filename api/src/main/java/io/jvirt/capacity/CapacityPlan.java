package io.jvirt.capacity;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a host needs to hold some VMs, with the arithmetic shown: one {@link Row} per
 * {@link Resource}, each with its formula and result, and the profile's ceilings the plan
 * breaks. Made by {@link CapacityPlanner#plan}.
 *
 * <pre>{@code
 * CapacityPlan plan = CapacityPlanner.of(HostProfile.HYPERV_2008R2).plan(new VmShape(200, 2, 0, 0, 0));
 * plan.result(Resource.LOGICAL_PROCESSORS);      // OptionalLong[50]
 * plan.row(Resource.LOGICAL_PROCESSORS).formula(); // "200 × 2 vCPUs = 400 vCPUs ÷ 8 per logical processor = 50"
 * plan.withinProfile();                          // false:
 * plan.breaches().get(0).message();              // "the plan needs 400 running vCPUs, over hyperv-2008r2's limit of 384 ..."
 * }</pre>
 *
 * @param profile  the profile planned for
 * @param vms      how many VMs in all
 * @param vcpus    how many vCPUs in all
 * @param rows     one row per resource, in {@link Resource} order
 * @param breaches the profile's ceilings the plan breaks (empty when it stays within them)
 */
public record CapacityPlan(HostProfile profile, long vms, long vcpus, List<Row> rows, List<Breach> breaches) {

    /** The resources a plan sizes, in the order the rows list them. */
    public enum Resource {
        LOGICAL_PROCESSORS("logical processors"),
        PHYSICAL_CPUS("physical CPUs"),
        MEMORY("memory"),
        NICS("NICs"),
        STORAGE("storage");

        private final String label;

        Resource(String label) {
            this.label = label;
        }

        /** How the resource reads in a table ("logical processors"). */
        public String label() {
            return label;
        }
    }

    /**
     * One resource's arithmetic.
     *
     * @param resource   which resource
     * @param formula    the arithmetic as text ("200 × 1 vCPU = 200 vCPUs ÷ 8 per logical
     *                   processor = 25 → 32 (power of two)"), or why the resource is not planned
     * @param required   what the arithmetic gives, before any rounding; empty when the input
     *                   says nothing about this resource (no memory given, say)
     * @param result     what the host needs: {@code required}, rounded up to a power of two
     *                   when asked; empty when {@code required} is
     * @param resultText {@code result} with its unit ("32", "512 GiB"), or "-"
     */
    public record Row(Resource resource, String formula, OptionalLong required, OptionalLong result,
            String resultText) {
    }

    /**
     * A ceiling of the profile that the plan breaks.
     *
     * @param limit   which limit ("running vCPUs per host")
     * @param allowed the profile's limit
     * @param needed  what the plan needs
     * @param message the whole story, naming the profile, the limit and the numbers
     */
    public record Breach(String limit, long allowed, long needed, String message) {
    }

    public CapacityPlan {
        rows = List.copyOf(rows);
        breaches = List.copyOf(breaches);
    }

    /** The row of {@code resource}. */
    public Row row(Resource resource) {
        return rows.get(resource.ordinal());
    }

    /** What the host needs of {@code resource}, rounded as asked; empty when not planned. */
    public OptionalLong result(Resource resource) {
        return row(resource).result();
    }

    /** True when the plan breaks none of the profile's ceilings. */
    public boolean withinProfile() {
        return breaches.isEmpty();
    }

    /** The rows and breaches as lines of text. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("plan for " + vms + " VMs on profile " + profile.name() + ":\n");
        for (Row r : rows) {
            out.append("  ").append(r.resource().label()).append(": ").append(r.formula())
                    .append(" => ").append(r.resultText()).append('\n');
        }
        for (Breach b : breaches) {
            out.append("  breaks: ").append(b.message()).append('\n');
        }
        return out.toString();
    }
}

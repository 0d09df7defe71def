package io.jvirt.shell;

import io.jvirt.capacity.CapacityPlan;
import io.jvirt.capacity.HostFit;
import java.util.StringJoiner;

/** {@code plan}'s output: the arithmetic as a table, one row per resource, and the host check. */
final class PlanReport {
    private PlanReport() {
    }

    static void plan(Invocation inv, CapacityPlan plan) {
        inv.printExtra("Plan for " + count(plan.vms(), "VM") + " (" + count(plan.vcpus(), "vCPU") + ") on profile "
                + plan.profile().name() + ":\n\n");
        Table table = new Table("Resource", "Formula", "Result");
        for (CapacityPlan.Row r : plan.rows()) {
            table.add(r.resource().label(), r.formula(), r.resultText());
        }
        inv.print(table.render(!inv.shell().quiet));
    }

    static void fit(Invocation inv, HostFit fit) {
        CapacityPlan all = fit.plan();
        inv.printExtra("\nHost " + fit.host() + ": " + count(fit.definedDomains(), "domain") + " defined, counted with"
                + " the new VMs: " + count(all.vms(), "VM") + ", " + count(all.vcpus(), "vCPU") + " in all\n\n");
        Table table = new Table("Check", "Needed", "Host", "Fits", "Why");
        for (HostFit.Row r : fit.rows()) {
            String fits = switch (r.verdict()) {
                case FITS -> "yes";
                case DOES_NOT_FIT -> "no";
                case NOT_CHECKED -> "-";
            };
            table.add(r.resource(), r.needed(), r.available(), fits, r.why());
        }
        inv.print(table.render(!inv.shell().quiet));
    }

    /** "logical processors (40 > 16), memory (...)". */
    static String shortfalls(HostFit fit) {
        StringJoiner out = new StringJoiner(", ");
        for (HostFit.Row r : fit.rows()) {
            if (r.verdict() == HostFit.Verdict.DOES_NOT_FIT) {
                out.add(r.resource() + " (" + r.needed() + " needed, " + r.available() + " there)");
            }
        }
        return out.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

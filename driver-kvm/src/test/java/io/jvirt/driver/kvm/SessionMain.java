package io.jvirt.driver.kvm;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import io.jvirt.VirtException;

/**
 * Run in a separate JVM (with HOME and XDG variables of the test's choosing) by
 * {@link QemuSessionIT}: opens {@code qemu:///session} and, for domain ARG1, runs ARG0 —
 * "start" (define from ARG2 and start), "state" or "destroy" — printing the state after it.
 */
public final class SessionMain {
    private SessionMain() {
    }

    public static void main(String[] args) {
        try (Connection c = Virt.open("qemu:///session")) {
            Domain d = args[0].equals("start") ? c.defineDomain(args[2]) : c.lookupDomainByName(args[1]);
            switch (args[0]) {
                case "start" -> d.start();
                case "destroy" -> d.destroy();
                default -> {
                    // just report
                }
            }
            System.out.println("state " + d.state() + " id=" + d.id());
        } catch (VirtException e) {
            System.out.println("ERROR " + e.code() + ": " + e.getMessage());
        }
    }
}

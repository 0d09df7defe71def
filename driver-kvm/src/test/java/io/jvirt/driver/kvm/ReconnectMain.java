package io.jvirt.driver.kvm;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import io.jvirt.VirtException;

/**
 * Run in a separate JVM by {@link QemuEmbedDriverIT}: opens {@code qemu:///embed?root=ARG0},
 * prints domain ARG1's state and id, runs the lifecycle call ARG2 ("suspend", "none") and prints
 * the state again. Prints "ERROR code: message" on a VirtException.
 */
public final class ReconnectMain {
    private ReconnectMain() {
    }

    public static void main(String[] args) {
        try (Connection c = Virt.open("qemu:///embed?root=" + args[0])) {
            Domain d = c.lookupDomainByName(args[1]);
            System.out.println("before " + d.state() + " id=" + d.id());
            if (args[2].equals("suspend")) {
                d.suspend();
            }
            System.out.println("after " + d.state() + " id=" + d.id());
        } catch (VirtException e) {
            System.out.println("ERROR " + e.code() + ": " + e.getMessage());
        }
    }
}

package io.jvirt.driver.kvm;

import io.jvirt.DomainShutdownFlag;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.VirtException;
import java.util.Set;

/**
 * Reboot without a guest agent, as libvirt's QEMU driver does it ("fake reboot"): QEMU runs with
 * {@code -no-shutdown}, so the driver presses the power button and, when the guest's SHUTDOWN
 * arrives, resets the machine and lets it run again instead of ending QEMU. The same path
 * serves {@code on_poweroff='restart'}. Called with the domain locked.
 */
final class QemuReboot {
    private QemuReboot() {
    }

    /** libvirt's qemuDomainShutdownFlags/qemuDomainReboot flag rules: no agent here. */
    static void checkFlags(Set<DomainShutdownFlag> flags, String function) {
        long allowed = DomainShutdownFlag.ACPI_POWER_BTN.value() | DomainShutdownFlag.GUEST_AGENT.value();
        if ((Flag.mask(flags) & ~allowed) != 0) {
            throw VirtException.unsupportedFlags(ErrorDomain.QEMU, Flag.mask(flags), function);
        }
        if (flags.equals(Set.of(DomainShutdownFlag.GUEST_AGENT))) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "QEMU guest agent is not configured");
        }
    }

    /**
     * Asks the guest to reboot: the power button, remembering that its shutdown is a reboot.
     * With {@code on_reboot} destroy or preserve libvirt overrides the reboot into a shutdown.
     */
    static void reboot(QemuHost host, QemuDomain d) {
        String onReboot = d.run.def().getOnReboot();
        boolean isReboot = !"destroy".equals(onReboot) && !"preserve".equals(onReboot);
        d.run.fakeReboot = isReboot;
        host.qmp(d, "system_powerdown");
    }

    /** True if a SHUTDOWN from {@code run} is to become a reset rather than the end of the guest. */
    static boolean shutdownRestarts(QemuRun run) {
        return run.fakeReboot || "restart".equals(run.def().getOnPoweroff());
    }

    /**
     * The SHUTDOWN half of a fake reboot: QEMU stopped the guest (-no-shutdown); reset the
     * machine and continue it. The domain stays running (reason booted) and no lifecycle event
     * is emitted, as in libvirt.
     */
    static void restart(QemuHost host, QemuDomain d, QemuRun run) {
        run.fakeReboot = false;
        run.pausedShutdown = true; // the STOP that follows SHUTDOWN belongs to it
        resetAndContinue(host, d, run);
    }

    /**
     * libvirt's qemuProcessFakeReboot: reset the stopped machine and let it run again, reason
     * crashed after a panic (on_crash restart), else booted. If QEMU won't, it is killed: the
     * EOF then records the stop.
     */
    static void resetAndContinue(QemuHost host, QemuDomain d, QemuRun run) {
        DomainStateReason.Running reason = d.stateKind() == DomainState.CRASHED
                ? DomainStateReason.Running.CRASHED : DomainStateReason.Running.BOOTED;
        try {
            run.monitor().execute("system_reset");
            run.monitor().execute("cont");
            run.ownResumes++;
            d.state = DomainStateInfo.of(reason);
            host.writeStatus(d);
        } catch (RuntimeException e) {
            run.process.destroyForcibly();
        }
    }
}

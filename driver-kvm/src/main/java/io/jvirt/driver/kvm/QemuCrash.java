package io.jvirt.driver.kvm;

import io.jvirt.DomainEventDetail;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.driver.kvm.qmp.QmpEvent;
import io.jvirt.spi.DomainTransition;
import io.jvirt.spi.DriverDomainEvent;
import java.util.List;

/**
 * {@code on_crash}, as libvirt's processGuestPanicEvent: a guest that reported its panic through
 * a {@code <panic>} device is crashed (panicked), then destroyed, restarted or kept for
 * debugging. QEMU runs with {@code -no-shutdown}, so its default panic action pauses the guest
 * (GUEST_PANICKED, action "pause", then STOP) and leaves the choice to the driver. Called with
 * the domain locked, from the monitor's event thread.
 */
final class QemuCrash {
    private QemuCrash() {
    }

    static void panicked(QemuHost host, QemuDomain d, QemuRun run, QmpEvent event, List<DriverDomainEvent> out) {
        if ("pause".equals(event.data().path("action").asText())) {
            run.ownStops++; // QEMU's STOP that follows is the panic's, not a pause to report
        }
        d.state = DomainStateInfo.of(DomainStateReason.Crashed.PANICKED);
        out.add(new DriverDomainEvent(d.ref(), DomainEventDetail.Crashed.PANICKED));
        host.writeStatus(d);
        String action = run.def().getOnCrash() == null ? "destroy" : run.def().getOnCrash();
        switch (action) {
            case "restart" -> QemuReboot.resetAndContinue(host, d, run); // libvirt: a fake reboot
            case "preserve" -> {
                // QEMU keeps the panicked guest paused; destroy ends it
            }
            default -> host.end(d, DomainTransition.CRASH, out); // shut off (crashed), STOPPED/CRASHED
        }
    }
}

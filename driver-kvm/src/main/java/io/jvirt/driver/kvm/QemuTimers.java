package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.ClockDef;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The {@code <clock><timer/></clock>} settings QEMU's PC machines take, mapped as libvirt 9's
 * qemuBuildClockCommandLine does: the RTC's drift fix, the PIT's lost-tick policy, the HPET.
 *
 * @param rtcDriftFix {@code ,driftfix=slew} for {@code -rtc}, or ""
 * @param hpetOff whether the machine gets {@code hpet=off}
 * @param globals {@code -global} values
 */
record QemuTimers(String rtcDriftFix, boolean hpetOff, List<String> globals) {

    static QemuTimers of(ClockDef clock) {
        String driftFix = "";
        boolean hpetOff = false;
        List<String> globals = new ArrayList<>();
        for (Element timer : clock == null ? List.<Element>of() : clock.getTimers()) {
            String name = timer.getAttribute("name");
            String tickPolicy = timer.getAttribute("tickpolicy");
            String present = timer.getAttribute("present");
            // Other attributes and child elements are refused by XmlCoverage, naming them.
            switch (name) {
                case "rtc" -> {
                    presentOnly(name, present);
                    driftFix = switch (tickPolicy) {
                        case "" -> "";
                        case "catchup" -> ",driftfix=slew";
                        case "delay" -> ",driftfix=none";
                        default -> throw unsupported("RTC tick policy '" + tickPolicy + "'");
                    };
                }
                case "pit" -> {
                    presentOnly(name, present);
                    switch (tickPolicy) {
                        case "" -> { }
                        // libvirt sets the KVM PIT's policy; under TCG the global matches nothing.
                        case "delay", "discard" -> globals.add("kvm-pit.lost_tick_policy=" + tickPolicy);
                        default -> throw unsupported("PIT tick policy '" + tickPolicy + "'");
                    }
                }
                case "hpet" -> {
                    if (!tickPolicy.isEmpty()) {
                        throw unsupported("HPET tick policy '" + tickPolicy + "'");
                    }
                    hpetOff = present.equals("no");
                }
                default -> throw unsupported("timer '" + name + "'");
            }
        }
        return new QemuTimers(driftFix, hpetOff, List.copyOf(globals));
    }

    private static void presentOnly(String name, String present) {
        if (present.equals("no")) {
            throw unsupported("removing the " + name + " timer");
        }
    }
}

package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LoaderDef;
import io.jvirt.xml.NvramDef;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * {@code <os><loader>}, {@code <os><nvram>} and {@code <features><smm>} as libvirt 9 passes
 * them: a ROM loader is {@code -bios}; a pflash loader (UEFI's code) and its NVRAM (the
 * variables) are block nodes the machine maps as {@code pflash0}/{@code pflash1}; Secure Boot
 * marks the flash secure, which needs SMM.
 *
 * @param blockdevs the {@code -blockdev} options, which come before {@code -machine}
 * @param machineOptions what {@code -machine} gains, each with its leading comma
 * @param after the options that follow {@code -machine} ({@code -bios}, {@code -global})
 */
record QemuFirmware(List<String> blockdevs, String machineOptions, List<String> after) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static QemuFirmware of(DomainDef def) {
        List<String> blockdevs = new ArrayList<>();
        StringBuilder machine = new StringBuilder();
        List<String> after = new ArrayList<>();
        String smm = smm(def);
        if (smm != null) {
            machine.append(",smm=").append(smm);
        }
        LoaderDef loader = def.getOs() == null ? null : def.getOs().getLoader();
        NvramDef nvram = def.getOs() == null ? null : def.getOs().getNvram();
        if (loader == null) {
            if (nvram != null) {
                throw unsupported("<nvram> without a pflash <loader>");
            }
            return new QemuFirmware(List.of(), machine.toString(), List.of());
        }
        if (loader.getStateless() != null) {
            throw unsupported("attribute stateless of <os/loader>");
        }
        String path = QemuEscaping.checkPath("loader", text(loader.getText()));
        String type = loader.getType() == null ? "rom" : loader.getType();
        boolean readOnly = yesNo("readonly", loader.getReadonly(), type.equals("rom"));
        boolean secure = yesNo("secure", loader.getSecure(), false);
        switch (type) {
            case "rom" -> {
                if (!readOnly || secure || nvram != null) {
                    throw unsupported("a ROM loader that is writable, secure or has an <nvram>");
                }
                after.add("-bios");
                after.add(path);
            }
            case "pflash" -> {
                // libvirt takes a pflash loader for UEFI, whose x86 guests find their devices by ACPI
                if (def.getFeatures() == null || def.getFeatures().getAcpi() == null) {
                    throw unsupported("UEFI requires ACPI on this architecture");
                }
                flash(blockdevs, 0, path, readOnly);
                machine.append(",pflash0=libvirt-pflash0-format");
                if (nvram != null) {
                    if (nvram.getTemplate() != null) {
                        throw unsupported("an <nvram> template (copying it is not done yet)");
                    }
                    flash(blockdevs, 1, QemuEscaping.checkPath("nvram", text(nvram.getText())), false);
                    machine.append(",pflash1=libvirt-pflash1-format");
                }
                if (secure) {
                    if (!"on".equals(smm)) {
                        throw unsupported("Secure Boot (loader secure='yes') needs <smm state='on'/>");
                    }
                    after.add("-global");
                    after.add("driver=cfi.pflash01,property=secure,value=on");
                }
            }
            default -> throw unsupported("loader type '" + type + "'");
        }
        return new QemuFirmware(List.copyOf(blockdevs), machine.toString(), List.copyOf(after));
    }

    private static void flash(List<String> blockdevs, int unit, String path, boolean readOnly) {
        String storage = "libvirt-pflash" + unit + "-storage";
        blockdevs.add("-blockdev");
        blockdevs.add(JSON.createObjectNode().put("driver", "file").put("filename", path).put("node-name", storage)
                .put("auto-read-only", true).put("discard", "unmap").toString());
        blockdevs.add("-blockdev");
        blockdevs.add(JSON.createObjectNode().put("node-name", "libvirt-pflash" + unit + "-format")
                .put("read-only", readOnly).put("driver", "raw").put("file", storage).toString());
    }

    /** {@code <smm state='on|off'/>} as QEMU's {@code on}/{@code off}, or null when absent. */
    private static String smm(DomainDef def) {
        Element smm = def.getFeatures() == null ? null : def.getFeatures().getExtraElement("smm");
        if (smm == null) {
            return null;
        }
        String state = smm.getAttribute("state");
        return switch (state) {
            case "", "on" -> "on";
            case "off" -> "off";
            default -> throw unsupported("smm state '" + state + "'");
        };
    }

    private static boolean yesNo(String what, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw unsupported("loader " + what + " '" + value + "'");
        };
    }

    private static String text(String s) {
        return s == null ? null : s.strip();
    }
}

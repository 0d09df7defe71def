package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.escape;
import static io.jvirt.driver.kvm.QemuEscaping.path;
import static io.jvirt.driver.kvm.QemuEscaping.requirePrintable;
import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.AddressDef;
import io.jvirt.xml.CharDeviceDef;
import io.jvirt.xml.ControllerDef;
import io.jvirt.xml.DevicesDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Character devices: ISA serial ports (libvirt's serial console among them), virtio consoles
 * and channels on virtio-serial controllers, and the host ends they talk through (pty, file,
 * unix socket, null).
 */
final class QemuCharDevices {
    private final QemuCommandLine b;

    private final Set<Integer> virtioSerials = new HashSet<>();

    QemuCharDevices(QemuCommandLine b) {
        this.b = b;
    }


    void build(DevicesDef devices) {
        List<CharDeviceDef> serials = devices.getSerials();
        List<CharDeviceDef> consoles = new ArrayList<>(devices.getConsoles());
        // A serial-type console on port 0 is the first serial port (libvirt's compatibility
        // console); without any <serial>, it defines that port.
        if (!consoles.isEmpty() && consoleTargetType(consoles.get(0)).equals("serial")) {
            CharDeviceDef console = consoles.remove(0);
            if (console.getAddress() != null) {
                throw unsupported("an address for the serial console");
            }
            String port = console.getTarget() == null ? null : console.getTarget().getPort();
            if (port != null && !port.equals("0")) {
                throw unsupported("a serial <console> on port " + port + " (it is serial port 0)");
            }
            if (serials.isEmpty()) {
                serials = List.of(console);
            } else if (!String.valueOf(serials.get(0).getType()).equals(console.getType())) {
                throw unsupported("a <console> of type '" + console.getType() + "' on serial port 0 of type '"
                        + serials.get(0).getType() + "'");
            }
        }
        int i = 0;
        for (CharDeviceDef serial : serials) {
            String targetType = serial.getTarget() == null ? null : serial.getTarget().getType();
            if (targetType != null && !targetType.equals("isa-serial") && !targetType.equals("serial")) {
                throw unsupported("serial target type '" + targetType + "'");
            }
            String port = serial.getTarget() == null ? null : serial.getTarget().getPort();
            if (port != null && !port.equals(String.valueOf(i))) {
                throw unsupported("serial port " + port + " out of order");
            }
            if (i == 4) {
                throw unsupported("more than the 4 ISA serial ports of a PC");
            }
            String id = "charserial" + i;
            b.add("-chardev", chardev(serial, id));
            b.add("-device", "isa-serial,chardev=" + id + ",id=serial" + i + ",index=" + i);
            i++;
        }
        virtioSerial(devices, consoles);
    }

    private static String consoleTargetType(CharDeviceDef console) {
        return console.getTarget() == null || console.getTarget().getType() == null ? "serial"
                : console.getTarget().getType();
    }

    /**
     * virtio consoles and {@code <channel>}s (the guest agent's among them) as ports of the
     * virtio-serial controller, which libvirt adds when the XML has none.
     */
    private void virtioSerial(DevicesDef devices, List<CharDeviceDef> consoles) {
        for (CharDeviceDef console : consoles) {
            if (!consoleTargetType(console).equals("virtio")) {
                throw unsupported("a <console> of target type '" + consoleTargetType(console)
                        + "' besides the first serial port");
            }
        }
        List<CharDeviceDef> channels = devices.getChannels();
        if (consoles.isEmpty() && channels.isEmpty()) {
            return;
        }
        if (virtioSerials.isEmpty()) {
            virtioSerialController(0, null); // libvirt adds one for its ports
        }
        int i = 0;
        for (CharDeviceDef console : consoles) {
            String id = "charconsole" + (i + 1); // console0 is the serial one, as in libvirt
            b.add("-chardev", chardev(console, id));
            b.add("-device", "virtconsole,chardev=" + id + ",id=console" + (i + 1)
                    + virtioSerialPort(console.getAddress(), "console " + (i + 1), false));
            i++;
        }
        i = 0;
        for (CharDeviceDef channel : channels) {
            String targetType = channel.getTarget() == null ? null : channel.getTarget().getType();
            if (!"virtio".equals(targetType)) {
                throw unsupported("channel target type '" + targetType + "'");
            }
            String name = channel.getTarget().getName();
            String id = "charchannel" + i;
            b.add("-chardev", channelSocket(channel, name, id).orElseGet(() -> chardev(channel, id)));
            b.add("-device", "virtserialport" + virtioSerialPort(channel.getAddress(), "channel " + i, true)
                    + ",chardev=" + id + ",id=channel" + i
                    + (name == null ? "" : ",name=" + escape(requirePrintable("channel name", name))));
            i++;
        }
    }

    /**
     * A unix channel bound without a path (virt-install's guest agent channel) gets one as
     * libvirt gives it at start, per domain and named after the channel: beside the monitor
     * socket, {@code <monitor>.<name>}. The definition is not changed.
     */
    private Optional<String> channelSocket(CharDeviceDef channel, String name, String id) {
        boolean pathless = "unix".equals(channel.getType()) && channel.getSource() != null
                && "bind".equals(channel.getSource().getMode()) && channel.getSource().getPath() == null;
        if (!pathless) {
            return Optional.empty();
        }
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw unsupported("a unix channel without a path needs a plain target name, not '" + name + "'");
        }
        String base = b.monitorSocket().getFileName().toString().replaceFirst("\\.sock$", "");
        String socket = b.monitorSocket().resolveSibling(base + "." + name).toString();
        if (socket.getBytes(StandardCharsets.UTF_8).length > 107) {
            throw unsupported("channel socket path '" + socket + "' is longer than a unix socket allows");
        }
        return Optional.of("socket,id=" + id + ",path=" + path("channel socket", socket)
                + ",server=on,wait=off");
    }

    void virtioSerialController(int n, ControllerDef c) {
        virtioSerials.add(n);
        StringBuilder d = new StringBuilder("virtio-serial-pci,id=virtio-serial").append(n);
        if (c != null) {
            String ports = c.getExtraAttribute("ports");
            if (ports != null) {
                d.append(",max_ports=").append(PciSlots.number("virtio-serial ports", ports, 31));
            }
            String vectors = c.getExtraAttribute("vectors");
            if (vectors != null) {
                d.append(",vectors=").append(PciSlots.number("virtio-serial vectors", vectors, 1024));
            }
        }
        b.add("-device", d.append(b.pci().place(c == null ? null : c.getAddress(), "virtio-serial controller " + n))
                .toString());
    }

    /**
     * {@code <address type='virtio-serial' controller='C' bus='0' port='N'/>} as
     * {@code ,bus=virtio-serialC.0,nr=N}; a controller the XML lacks is added, as libvirt does.
     * Without an address a channel goes on controller 0 ({@code always}), a console wherever
     * QEMU puts it.
     */
    private String virtioSerialPort(AddressDef address, String device, boolean always) {
        if (address == null) {
            return always ? ",bus=virtio-serial0.0" : "";
        }
        if (!"virtio-serial".equals(address.getType())) {
            throw unsupported("address type '" + address.getType() + "' for " + device);
        }
        int controller = PciSlots.number("virtio-serial controller", address.getController(), 31);
        PciSlots.number("virtio-serial bus", address.getBus(), 0);
        if (!virtioSerials.contains(controller)) {
            virtioSerialController(controller, null);
        }
        return ",bus=virtio-serial" + controller + ".0"
                + (address.getPort() == null ? "" : ",nr=" + PciSlots.number("virtio-serial port", address.getPort(), 30));
    }

    private String chardev(CharDeviceDef c, String id) {
        String type = String.valueOf(c.getType());
        var source = c.getSource();
        if (source != null) {
            // What each type reads of <source>; a pty's path is where the last run put it,
            // which libvirt ignores at start too.
            boolean mode = source.getMode() != null;
            boolean append = source.getAppend() != null;
            boolean path = source.getPath() != null;
            boolean fits = switch (type) {
                case "pty" -> !mode && !append;
                case "file" -> !mode;
                case "unix" -> !append;
                default -> !mode && !append && !path;
            };
            if (!fits) {
                throw unsupported("a " + type + " character device with a source "
                        + (mode ? "mode" : append ? "append" : "path"));
            }
        }
        return switch (type) {
            case "pty" -> "pty,id=" + id;
            case "null" -> "null,id=" + id;
            case "file" -> {
                String p = c.getSource() == null ? null : c.getSource().getPath();
                String append = c.getSource() == null ? null : c.getSource().getAppend();
                if (append != null && !append.equals("on") && !append.equals("off")) {
                    throw unsupported("file chardev append '" + append + "'");
                }
                yield "file,id=" + id + ",path=" + path("character device file", p)
                        + (append == null ? "" : ",append=" + append);
            }
            case "unix" -> {
                // libvirt's default mode is connect: QEMU is the client of a listening socket.
                String p = c.getSource() == null ? null : c.getSource().getPath();
                String mode = c.getSource() == null || c.getSource().getMode() == null ? "connect"
                        : c.getSource().getMode();
                if (!mode.equals("bind") && !mode.equals("connect")) {
                    throw unsupported("unix socket mode '" + mode + "'");
                }
                yield "socket,id=" + id + ",path=" + path("character device socket", p)
                        + (mode.equals("bind") ? ",server=on,wait=off" : "");
            }
            default -> throw unsupported("character device type '" + type + "'");
        };
    }
}

package io.jvirt.driver.kvm;

import static io.jvirt.driver.kvm.QemuEscaping.unsupported;

import io.jvirt.xml.DevicesDef;
import io.jvirt.xml.GraphicsDef;
import io.jvirt.xml.VideoDef;
import io.jvirt.xml.VideoModelDef;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * What the guest shows: no display, or a VNC server (its {@code <listen>}, a fixed or free
 * port), and the video devices, the primary one first as libvirt orders them.
 */
final class QemuDisplay {
    private QemuDisplay() {
    }

    private static void vnc(QemuCommandLine b, GraphicsDef g) {
        if (!"vnc".equals(g.getType())) {
            throw unsupported("graphics type '" + g.getType() + "'");
        }
        String listen = g.getListen();
        List<Element> listens = g.getExtraElements("listen");
        if (listens.size() > 1) {
            throw unsupported("more than one VNC <listen>");
        }
        if (!listens.isEmpty()) {
            Element l = listens.get(0);
            String address = l.getAttribute("address");
            switch (l.getAttribute("type")) {
                case "address" -> {
                    if (!address.isEmpty() && listen != null && !listen.equals(address)) {
                        throw unsupported("VNC listen address '" + listen + "' differs from its <listen> '"
                                + address + "'");
                    }
                    listen = address.isEmpty() ? listen : address;
                }
                case "none" -> {
                    b.add("-vnc", "none"); // a VNC server without a listener, for QMP's add_client
                    return;
                }
                default -> throw unsupported("VNC listen type '" + l.getAttribute("type") + "'");
            }
        }
        listen = listen == null ? "127.0.0.1" : listen;
        if (!listen.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw unsupported("VNC listen address '" + listen + "'");
        }
        String host = listen.contains(":") ? "[" + listen + "]" : listen;
        boolean auto = "yes".equals(g.getAutoport()) || g.getPort() == null || "-1".equals(g.getPort());
        if (auto) {
            // QEMU picks the first free display from :0 up to :99 (ports 5900-5999).
            b.add("-vnc", host + ":0,to=99");
        } else {
            int port = QemuCommandLine.positive("VNC port", g.getPort());
            if (port < 5900 || port > 65535) {
                throw unsupported("VNC port " + port);
            }
            b.add("-vnc", host + ":" + (port - 5900));
        }
    }

    static void build(QemuCommandLine b, DevicesDef devices) {
        List<GraphicsDef> graphics = devices.getGraphics();
        if (graphics.size() > 1) {
            throw unsupported("more than one <graphics>");
        }
        if (graphics.isEmpty()) {
            b.add("-display", "none");
        } else {
            vnc(b, graphics.get(0));
        }
        int i = 0;
        for (VideoDef video : primaryFirst(devices.getVideos())) {
            var model = video.getModel();
            String type = model == null ? "vga" : String.valueOf(model.getType());
            // QEMU takes one VGA-compatible device, the primary; further heads are display-only.
            boolean primary = i == 0;
            String device = switch (type) {
                case "vga" -> primary ? "VGA" : null;
                case "cirrus" -> primary ? "cirrus-vga" : null;
                case "virtio" -> primary ? "virtio-vga" : "virtio-gpu-pci";
                case "qxl" -> primary ? "qxl-vga" : "qxl";
                case "bochs" -> "bochs-display";
                case "none" -> "";
                default -> throw unsupported("video model '" + type + "'");
            };
            if (device == null) {
                throw unsupported("a secondary video device of model '" + type + "'");
            }
            if (device.isEmpty()) {
                continue;
            }
            StringBuilder d = new StringBuilder(device).append(",id=video").append(i)
                    .append(b.pci().place(video.getAddress(), "video " + i));
            if (model != null) {
                videoMemory(d, type, model);
            }
            b.add("-device", d.toString());
            i++;
        }
    }

    /** The videos with the one marked {@code primary='yes'} first, where libvirt moves it. */
    private static List<VideoDef> primaryFirst(List<VideoDef> videos) {
        List<VideoDef> ordered = new ArrayList<>(videos);
        List<VideoDef> primaries = videos.stream()
                .filter(v -> v.getModel() != null && "yes".equals(v.getModel().getPrimary())).toList();
        for (VideoDef v : videos) {
            String primary = v.getModel() == null ? null : v.getModel().getPrimary();
            if (primary != null && !primary.equals("yes") && !primary.equals("no")) {
                throw unsupported("video primary '" + primary + "'");
            }
        }
        if (primaries.size() > 1) {
            throw unsupported("more than one primary video");
        }
        if (primaries.size() == 1) {
            ordered.remove(primaries.get(0));
            ordered.add(0, primaries.get(0));
        }
        return ordered;
    }

    /** Video RAM sizes (KiB in the XML) and heads, on the devices that have them, as libvirt maps them. */
    private static void videoMemory(StringBuilder d, String type, VideoModelDef model) {
        boolean qxl = type.equals("qxl");
        if (model.getRam() != null) {
            if (!qxl) {
                throw unsupported("video ram for model '" + type + "'");
            }
            d.append(",ram_size=").append(QemuCommandLine.positive("video ram", model.getRam()) * 1024L);
        }
        if (model.getVram() != null) {
            if (qxl) {
                d.append(",vram_size=").append(QemuCommandLine.positive("video vram", model.getVram()) * 1024L);
            } else if (type.equals("vga") || type.equals("cirrus")) {
                d.append(",vgamem_mb=").append(QemuCommandLine.positive("video vram", model.getVram()) / 1024);
            } else {
                throw unsupported("video vram for model '" + type + "'");
            }
        }
        if (model.getVgamem() != null) {
            if (!qxl) {
                throw unsupported("video vgamem for model '" + type + "'");
            }
            d.append(",vgamem_mb=").append(QemuCommandLine.positive("video vgamem", model.getVgamem()) / 1024);
        }
        if (model.getHeads() != null && !"1".equals(model.getHeads())) {
            if (!qxl && !type.equals("virtio")) {
                throw unsupported("video heads '" + model.getHeads() + "' for model '" + type + "'");
            }
            d.append(",max_outputs=").append(QemuCommandLine.positive("video heads", model.getHeads()));
        }
    }
}

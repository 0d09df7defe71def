package io.jvirt.xml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where libvirt's formatters put things: the order of child elements and attributes, taken from
 * libvirt 9.0's format functions (virDomainDefFormatInternalSetRootName,
 * virDomainDiskDefFormat, virNetworkDefFormatBuf, virStoragePoolDefFormatBuf, ...).
 *
 * <p>Paths are element names from the document root joined by '/', e.g.
 * {@code domain/devices/disk}. Names not in a table keep their relative order and go after the
 * known ones, which is also where libvirt-unknown (hypervisor namespace) elements end up.
 * Elements in a namespace are never reordered inside.
 */
final class FormatRules {
    private FormatRules() {
    }

    /** Device info (virDomainDeviceInfoFormat): the tail every device shares. */
    private static final String INFO = " boot alias master rom acpi address";

    private static final String CHR = "source protocol log target" + INFO;

    private static final Map<String, List<String>> CHILDREN = new HashMap<>();
    private static final Map<String, List<String>> ATTRIBUTES = new HashMap<>();
    /** Child orders that depend on the element's type attribute: "path type" keys. */
    private static final Map<String, List<String>> CHILDREN_BY_TYPE = new HashMap<>();

    /** Elements libvirt always writes with a start and an end tag, even when empty. */
    private static final Set<String> ALWAYS_OPEN = Set.of("domain/devices", "domain/os",
            "network/ip", "pool/source", "pool/target", "volume/target", "interface/protocol",
            "device/capability", "capabilities/host", "capabilities/host/cpu",
            "capabilities/guest", "capabilities/guest/arch",
            "capabilities/host/topology/cells/cell/cpus");

    /** Where the root's namespace declarations go: after these attributes. */
    private static final Map<String, List<String>> NAMESPACES_AFTER = Map.of(
            "domain", List.of("type", "id"),
            "network", List.of(),
            "pool", List.of("type"));

    /** Roots whose subtree {@code metadata} libvirt dumps with libxml2, not its own buffer. */
    private static final Set<String> METADATA = Set.of("domain/metadata", "network/metadata");

    /** Documents the test driver's {@code <node>} file may embed, each formatted as a root. */
    private static final Set<String> EMBEDDABLE_ROOTS = Set.of(
            "domain", "network", "interface", "pool", "volume", "device");

    static {
        children("domain", "name uuid genid title description metadata maxMemory memory"
                + " currentMemory blkiotune memtune memoryBacking vcpu vcpus iothreads iothreadids"
                + " defaultiothread cputune numatune resource sysinfo bootloader bootloader_args os"
                + " idmap features cpu clock on_poweroff on_reboot on_crash on_lockfailure pm perf"
                + " devices seclabel keywrap launchSecurity");
        children("domain/os", "type firmware init initarg initenv initdir inituser initgroup"
                + " loader nvram kernel initrd cmdline dtb root acpi boot bootmenu bios smbios");
        children("domain/features", "acpi apic pae hap viridian privnet hyperv kvm pvspinlock"
                + " capabilities pmu vmport gic smm ioapic hpt vmcoreinfo htm nested-hv msrs"
                + " ccf-assist xen cfpc sbbc ibs tcg");
        children("domain/cpu", "model vendor microcode signature counter topology cache"
                + " maxphysaddr feature numa");
        children("domain/devices", "emulator disk controller lease filesystem interface"
                + " smartcard serial parallel console channel input tpm graphics sound audio video"
                + " hostdev redirdev redirfilter hub watchdog memballoon rng nvram panic shmem"
                + " memory iommu vsock");
        children("domain/devices/disk", "driver auth source backingStore backenddomain geometry"
                + " blockio mirror target iotune readonly shareable transient serial wwn vendor"
                + " product encryption" + INFO);
        children("domain/devices/controller", "model target driver" + INFO + " pcihole64");
        children("domain/devices/filesystem", "driver binary source target readonly" + INFO
                + " space_hard_limit space_soft_limit");
        children("domain/devices/interface", "mac source vlan virtualport bandwidth port ip"
                + " route portForward script downscript backenddomain target guest model driver"
                + " backend filterref tune teaming link mtu coalesce" + INFO);
        // A hostdev interface's <driver> is the PCI backend, written before <source>.
        CHILDREN_BY_TYPE.put("domain/devices/interface hostdev", words("mac driver source vlan"
                + " virtualport bandwidth port ip route portForward script downscript"
                + " backenddomain target guest model backend filterref tune teaming link mtu"
                + " coalesce" + INFO));
        for (String chr : List.of("serial", "parallel", "console", "channel")) {
            children("domain/devices/" + chr, CHR);
        }
        children("domain/devices/input", "driver source" + INFO);
        children("domain/devices/graphics", "listen channel image jpeg zlib playback streaming"
                + " mouse clipboard filetransfer gl audio");
        children("domain/devices/video", "driver model" + INFO);
        children("domain/devices/hostdev", "driver source ip route teaming readonly shareable"
                + INFO);
        children("domain/devices/memballoon", "stats" + INFO + " driver");
        children("domain/devices/rng", "rate backend driver" + INFO);

        children("network", "name uuid metadata forward bridge mtu mac domain dns vlan bandwidth"
                + " port ip route virtualport portgroup");
        children("network/ip", "tftp dhcp");
        children("network/ip/dhcp", "range host bootp");

        children("pool", "name uuid capacity allocation available features source target"
                + " refresh");
        children("pool/source", "host device dir adapter name initiator format auth protocol"
                + " vendor product");
        children("pool/target", "path permissions");
        children("volume", "name key source capacity allocation physical target backingStore");
        for (String target : List.of("volume/target", "volume/backingStore")) {
            children(target, "path format permissions timestamps encryption compat clusterSize"
                    + " features");
        }
        for (String perms : List.of("pool/target/permissions", "volume/target/permissions",
                "volume/backingStore/permissions")) {
            children(perms, "mode owner group label");
        }

        children("interface", "start mtu protocol link mac bridge bond vlan");
        children("device", "name path devnode parent driver capability");

        children("capabilities", "host guest pool");
        children("capabilities/host", "uuid cpu power_management iommu migration_features"
                + " netprefix topology cache memory_bandwidth secmodel");
        children("capabilities/host/cpu", "arch features model vendor microcode signature counter"
                + " topology cache maxphysaddr feature pages");
        children("capabilities/guest", "os_type arch features");
        children("capabilities/guest/arch", "wordsize emulator loader machine domain");
        children("capabilities/guest/arch/domain", "emulator loader machine");

        attributes("domain", "type id");
        attributes("domain/memory", "dumpCore unit");
        attributes("domain/maxMemory", "slots unit");
        attributes("domain/vcpu", "placement cpuset current");
        attributes("domain/os/type", "arch machine");
        attributes("domain/os/loader", "readonly secure type stateless");
        attributes("domain/os/bootmenu", "enable timeout");
        attributes("domain/cpu", "mode match check migratable");
        attributes("domain/cpu/model", "fallback vendor_id");
        attributes("domain/cpu/topology", "sockets dies cores threads");
        attributes("domain/cpu/feature", "policy name");
        attributes("domain/clock", "offset adjustment basis timezone start");
        attributes("domain/clock/timer", "name present tickpolicy track frequency mode");
        attributes("domain/devices/disk", "type device model rawio sgio snapshot");
        attributes("domain/devices/disk/driver", "name type cache error_policy rerror_policy io"
                + " ioeventfd event_idx copy_on_read discard iothread detect_zeroes queues"
                + " queue_size iommu ats packed page_per_vq");
        attributes("domain/devices/disk/source", "protocol name query tls file fdgroup dev dir"
                + " pool volume mode startupPolicy index");
        attributes("domain/devices/disk/target", "dev bus tray removable rotation_rate");
        attributes("domain/devices/controller", "type index model ports vectors maxGrantFrames"
                + " maxEventChannels");
        attributes("domain/devices/filesystem", "type accessmode model multidevs fmode dmode");
        // One list for every interface type: type and path come first only for vhostuser.
        attributes("domain/devices/interface/source", "type path network portgroup portid"
                + " bridge dev mode address port");
        // VNC: socket port autoport websocket listen keymap sharePolicy powerControl;
        // SPICE: port tlsPort autoport listen keymap defaultMode; then the password attributes.
        attributes("domain/devices/graphics", "type socket port tlsPort autoport websocket"
                + " websocketGenerated listen keymap defaultMode sharePolicy powerControl"
                + " passwd passwdValidTo connected");
        attributes("domain/devices/video/model", "type ram vram vram64 vgamem heads primary");
        attributes("domain/devices/input", "type bus model");
        attributes("domain/devices/hostdev", "mode type managed sgio rawio model display ramfb");
        attributes("domain/devices/memballoon", "model autodeflate freePageReporting");
        for (String chr : List.of("serial", "parallel", "console", "channel")) {
            attributes("domain/devices/" + chr + "/source", "mode host service path append tls"
                    + " master slave channel");
            attributes("domain/devices/" + chr + "/target", "type address port name state");
        }
        attributes("network", "connections ipv6 trustGuestRxFilters");
        attributes("network/forward", "dev mode managed");
        attributes("network/bridge", "name zone stp delay macTableManager");
        attributes("network/ip", "family address netmask prefix localPtr");
        attributes("network/ip/dhcp/host", "mac id name ip");
        attributes("interface", "type name");
    }

    /** Attribute orders for elements libvirt writes the same way wherever they appear. */
    private static final Map<String, List<String>> ATTRIBUTES_BY_NAME = Map.of(
            "listen", words("type address network socket fromConfig autoGenerated"),
            "host", words("name port transport socket"),
            "seclabel", words("type model relabel"),
            "mac", words("address type check"),
            "boot", words("order loadparm"),
            "alias", words("name"));

    /** Attribute orders libvirt uses for {@code <address>}, which depend on its type. */
    private static final Map<String, List<String>> ADDRESS = Map.of(
            "pci", words("type domain bus slot function multifunction"),
            "drive", words("type controller bus target unit"),
            "virtio-serial", words("type controller bus port"),
            "ccid", words("type controller slot"),
            "usb", words("type bus port"),
            "spapr-vio", words("type reg"),
            "ccw", words("type cssid ssid devno"),
            "isa", words("type iobase irq"),
            "dimm", words("type slot base"));

    private static void children(String path, String names) {
        CHILDREN.put(path, words(names));
    }

    private static void attributes(String path, String names) {
        ATTRIBUTES.put(path, words(names));
    }

    private static List<String> words(String names) {
        return List.of(names.trim().split("\\s+"));
    }

    /** The path of a child, or null where no rule can apply (namespaced content). */
    static String childPath(String parentPath, TreeNode child) {
        if (!child.uri.isEmpty()) {
            return null;
        }
        if (parentPath == null) {
            return child.localName;
        }
        if (parentPath.equals("node") && EMBEDDABLE_ROOTS.contains(child.localName)) {
            return child.localName;
        }
        if (parentPath.equals("pool") && child.localName.equals("volume")) {
            return "volume"; // volumes nested in a test-driver node file's pool
        }
        return parentPath + "/" + child.localName;
    }

    /** Whether {@code name} is an element libvirt lists inside {@code <devices>}. */
    static boolean isDevice(String name) {
        return CHILDREN.get("domain/devices").contains(name);
    }

    static boolean isMetadata(String path) {
        return path != null && METADATA.contains(path);
    }

    static boolean alwaysOpen(String path) {
        return path != null && ALWAYS_OPEN.contains(path);
    }

    static boolean blankLinesBetweenChildren(String path) {
        return "capabilities".equals(path);
    }

    /** Attributes the root's namespace declarations follow, or null for "after all of them". */
    static List<String> namespacesAfter(String path) {
        return NAMESPACES_AFTER.get(path);
    }

    /** Puts the children and attributes of {@code node} (at {@code path}) in libvirt's order. */
    static void reorder(TreeNode node, String path) {
        if (path == null) {
            return;
        }
        List<String> childOrder = CHILDREN_BY_TYPE.getOrDefault(path + " " + node.attribute("type"),
                CHILDREN.get(path));
        // Never move elements around text: mixed content keeps its order.
        if (childOrder != null && !node.hasTextChild()) {
            sortStable(node.children, child -> rank(childOrder, child.uri.isEmpty()
                    ? child.localName : null));
        }
        List<String> attributeOrder = attributeOrder(node, path);
        if (attributeOrder != null) {
            sortStable(node.attributes, a -> rank(attributeOrder, a.uri.isEmpty()
                    ? a.localName : null));
        }
    }

    private static List<String> attributeOrder(TreeNode node, String path) {
        if (node.localName.equals("address")) {
            // An address without type (hostdev sources) lists its fields in PCI order.
            return ADDRESS.getOrDefault(String.valueOf(node.attribute("type")), ADDRESS.get("pci"));
        }
        List<String> order = ATTRIBUTES.get(path);
        if (order == null) {
            order = LibvirtAttributeOrder.BY_PATH.get(path);
        }
        return order != null ? order : ATTRIBUTES_BY_NAME.get(node.localName);
    }

    private static int rank(List<String> order, String name) {
        int index = name == null ? -1 : order.indexOf(name);
        return index < 0 ? order.size() : index;
    }

    private static <T> void sortStable(List<T> items, java.util.function.ToIntFunction<T> key) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(key)); // List.sort is stable
        items.clear();
        items.addAll(sorted);
    }
}

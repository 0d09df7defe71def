package io.jvirt.xml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute order libvirt 9.0 writes, per element path, as observed in its output: the
 * {@code virsh dumpxml} of every document of libvirt's qemuxml2argvdata corpus that the test
 * driver accepts (959 documents), plus the fixtures of jvirt's tests. Each line lists the
 * attributes of one element in the order libvirt formats them; attributes that never occur
 * together there are in no particular order relative to each other.
 *
 * <p>It matters for elements the model keeps as DOM: a JDK DOM forgets the document's attribute
 * order (it sorts by name), so without this table they would come out alphabetically. Orders
 * spelled out in {@link FormatRules} (read from libvirt's format functions) take precedence.
 */
final class LibvirtAttributeOrder {
    private LibvirtAttributeOrder() {
    }

    private static final String OBSERVED = """
            capabilities/host/cpu/pages unit size
            capabilities/host/topology/cells/cell/cpus/cpu id socket_id die_id core_id siblings
            capabilities/host/topology/cells/cell/pages unit size
            domain type id
            domain/clock offset adjustment basis start timezone
            domain/clock/timer name frequency present tickpolicy track
            domain/clock/timer/catchup limit slew threshold
            domain/cpu mode match check migratable
            domain/cpu/cache level mode
            domain/cpu/feature policy name
            domain/cpu/maxphysaddr mode bits
            domain/cpu/model fallback vendor_id
            domain/cpu/numa/cell id cpus memory unit discard memAccess
            domain/cpu/numa/cell/cache level associativity policy
            domain/cpu/numa/cell/cache/line value unit
            domain/cpu/numa/cell/cache/size value unit
            domain/cpu/numa/cell/distances/sibling id value
            domain/cpu/numa/interconnects/bandwidth initiator target cache type value unit
            domain/cpu/numa/interconnects/latency initiator target cache type value
            domain/cpu/topology sockets dies cores threads
            domain/cputune/iothreadpin iothread cpuset
            domain/cputune/iothreadsched iothreads scheduler priority
            domain/cputune/vcpupin vcpu cpuset
            domain/cputune/vcpusched vcpus scheduler priority
            domain/defaultiothread thread_pool_min thread_pool_max
            domain/devices/audio id type timerPeriod driver path serverName tryMMap exclusive dspPolicy
            domain/devices/audio/input mixingEngine fixedSettings voices bufferLength dev bufferCount name serverName clientName connectPorts streamName latency tryPoll
            domain/devices/audio/input/settings frequency channels format
            domain/devices/audio/output mixingEngine fixedSettings voices bufferLength dev bufferCount name serverName clientName connectPorts streamName latency tryPoll
            domain/devices/audio/output/settings frequency channels format
            domain/devices/channel/source mode host path service
            domain/devices/channel/source/reconnect enabled timeout
            domain/devices/channel/target type address name port
            domain/devices/console/log file append
            domain/devices/console/source channel mode host path append service
            domain/devices/console/source/seclabel model relabel
            domain/devices/console/target type port
            domain/devices/controller type index model ports vectors
            domain/devices/controller/driver cmd_per_lun ioeventfd iommu ats iothread max_sectors packed page_per_vq queues
            domain/devices/controller/target busNr chassis chassisNr hotplug index port
            domain/devices/disk type device model snapshot
            domain/devices/disk/address/zpci uid fid
            domain/devices/disk/auth/secret type usage
            domain/devices/disk/backingStore/backingStore/backingStore/source/seclabel model relabel
            domain/devices/disk/backingStore/source dev file protocol name
            domain/devices/disk/backingStore/source/encryption/secret type uuid
            domain/devices/disk/backingStore/source/identity user group
            domain/devices/disk/backingStore/source/slices/slice type offset size
            domain/devices/disk/blockio logical_block_size physical_block_size
            domain/devices/disk/boot order loadparm
            domain/devices/disk/driver name type cache error_policy io iommu ats iothread packed page_per_vq queues queue_size rerror_policy
            domain/devices/disk/encryption format engine
            domain/devices/disk/encryption/secret type usage uuid
            domain/devices/disk/geometry cyls heads secs trans
            domain/devices/disk/source dev dir file pool protocol name query startupPolicy tls tlsHostname type managed namespace path volume mode
            domain/devices/disk/source/auth/secret type usage uuid
            domain/devices/disk/source/encryption format engine
            domain/devices/disk/source/encryption/secret type usage uuid
            domain/devices/disk/source/host name port transport socket
            domain/devices/disk/source/identity user group
            domain/devices/disk/source/reconnect enabled timeout
            domain/devices/disk/source/reservations/source type path mode
            domain/devices/disk/source/seclabel model relabel
            domain/devices/disk/source/slices/slice type offset size
            domain/devices/disk/target dev bus removable rotation_rate tray
            domain/devices/filesystem type accessmode fmode dmode model multidevs
            domain/devices/filesystem/binary path xattr
            domain/devices/filesystem/binary/lock posix flock
            domain/devices/filesystem/driver type queue wrpolicy iommu ats packed page_per_vq
            domain/devices/filesystem/source dir socket
            domain/devices/graphics type address display p2p port socket tlsPort autoport passwdValidTo connected websocket listen defaultMode keymap powerControl sharePolicy xauth fullscreen
            domain/devices/graphics/channel name mode
            domain/devices/graphics/gl enable rendernode
            domain/devices/graphics/listen type address network socket
            domain/devices/hostdev mode type managed model display ramfb
            domain/devices/hostdev/address/zpci uid fid
            domain/devices/hostdev/rom bar file
            domain/devices/hostdev/source guestReset protocol name wwpn
            domain/devices/hostdev/source/auth/secret type usage
            domain/devices/hostdev/source/host name port
            domain/devices/hostdev/teaming type persistent
            domain/devices/input type bus model
            domain/devices/input/driver iommu ats packed page_per_vq
            domain/devices/input/source dev evdev grab grabToggle repeat
            domain/devices/interface type managed trustGuestRxFilters
            domain/devices/interface/bandwidth/inbound average floor peak burst
            domain/devices/interface/bandwidth/outbound average peak burst
            domain/devices/interface/boot order loadparm
            domain/devices/interface/driver name queues rss rss_hash_report iommu ats packed page_per_vq rx_queue_size tx_queue_size txmode
            domain/devices/interface/driver/guest csum tso4 tso6 ecn ufo
            domain/devices/interface/driver/host csum gso tso4 tso6 ecn ufo mrg_rxbuf
            domain/devices/interface/ip address family prefix
            domain/devices/interface/rom bar enabled file
            domain/devices/interface/source address bridge dev network port portgroup type path mode
            domain/devices/interface/source/ip address family prefix peer
            domain/devices/interface/source/local address port
            domain/devices/interface/source/reconnect enabled timeout
            domain/devices/interface/source/route family address prefix gateway
            domain/devices/interface/target dev managed
            domain/devices/interface/teaming type persistent
            domain/devices/interface/virtualport/parameters managerid typeid typeidversion instanceid interfaceid profileid
            domain/devices/iommu/driver intremap aw_bits caching_mode eim iotlb
            domain/devices/lease/target path offset
            domain/devices/memballoon model autodeflate freePageReporting
            domain/devices/memballoon/driver iommu ats packed page_per_vq
            domain/devices/memory model access discard
            domain/devices/parallel/source mode host path service
            domain/devices/redirdev bus type
            domain/devices/redirdev/source channel mode host path service
            domain/devices/redirfilter/usbdev class vendor product version allow
            domain/devices/rng/backend model type
            domain/devices/rng/backend/source mode host path service
            domain/devices/rng/driver iommu ats packed page_per_vq
            domain/devices/rng/rate bytes period
            domain/devices/serial/log file append
            domain/devices/serial/source channel mode host path append service tls
            domain/devices/serial/source/seclabel model relabel
            domain/devices/serial/target type port
            domain/devices/shmem name role
            domain/devices/shmem/msi vectors ioeventfd
            domain/devices/smartcard mode type
            domain/devices/smartcard/source mode host path service
            domain/devices/tpm/backend type version persistent_state
            domain/devices/tpm/backend/source type mode path
            domain/devices/video/driver iommu ats packed page_per_vq name
            domain/devices/video/model type ram vram vgamem vram64 heads primary
            domain/devices/video/model/acceleration accel3d rendernode
            domain/devices/video/model/resolution x y
            domain/devices/vsock/cid auto address
            domain/devices/watchdog model action
            domain/features/hyperv/spinlocks state retries
            domain/features/hyperv/vendor_id state value
            domain/features/kvm/dirty-ring state size
            domain/idmap/gid start target count
            domain/idmap/uid start target count
            domain/iothreadids/iothread id thread_pool_min thread_pool_max
            domain/keywrap/cipher name state
            domain/launchSecurity type kernelHashes
            domain/maxMemory slots unit
            domain/memory dumpCore unit
            domain/memoryBacking/allocation mode threads
            domain/memoryBacking/hugepages/page size unit nodeset
            domain/numatune/memnode cellid mode nodeset
            domain/numatune/memory mode nodeset placement
            domain/os/bootmenu enable timeout
            domain/os/firmware/feature enabled name
            domain/os/loader readonly secure type stateless
            domain/os/nvram template type
            domain/os/nvram/source file protocol name
            domain/os/nvram/source/auth/secret type usage
            domain/os/nvram/source/host name port
            domain/os/type arch machine
            domain/seclabel type model relabel
            domain/sysinfo/entry name file
            domain/vcpu placement cpuset current
            domain/vcpus/vcpu id enabled hotpluggable order
            interface type name
            interface/protocol/ip address prefix
            network/bridge name stp delay
            network/domain name localOnly
            network/ip family address netmask prefix
            network/ip/dhcp/host mac name ip
            network/ip/dhcp/range start end
            """;

    static final Map<String, List<String>> BY_PATH = parse(OBSERVED);

    private static Map<String, List<String>> parse(String table) {
        Map<String, List<String>> byPath = new HashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] words = line.strip().split("\\s+");
            byPath.put(words[0], List.of(words).subList(1, words.length));
        }
        return Map.copyOf(byPath);
    }
}

package io.jvirt.shell;

import static io.jvirt.shell.DifferentialCase.of;
import static io.jvirt.shell.DifferentialCase.script;

import java.util.List;
import java.util.Map;

/** The scripts {@link JvirshVsVirshIT} runs, and the files they use (written to each run's directory). */
final class DifferentialCases {
    private DifferentialCases() {
    }

    /**
     * Deliberate differences, not failures: where libvirt's test driver lacks an operation,
     * ours implements the obvious (issue 3), and a few host facts have no jvirt counterpart.
     * Such cases are reported with their reason instead of being compared.
     */
    static final String DRIVER_ATTACH = "test driver: supports attach-device/detach-device, "
            + "libvirt's test driver answers NO_SUPPORT";
    static final String DRIVER_RESIZE = "test driver: supports vol-resize, libvirt's test driver answers NO_SUPPORT";
    static final String LIBXML_WARNING = "libvirt's XML parser prints an 'I/O warning' line that jvirt has no reason to";
    static final String REMOTE_DRIVER = "libvirt falls back to its remote driver for unknown URIs; jvirt has none";

    static final Map<String, String> FILES = Map.of(
            "demo.xml", """
                    <domain type='test'>
                      <name>demo</name>
                      <uuid>11111111-2222-3333-4444-555555555555</uuid>
                      <memory unit='MiB'>512</memory>
                      <currentMemory unit='MiB'>256</currentMemory>
                      <vcpu>1</vcpu>
                      <os>
                        <type arch='i686'>hvm</type>
                        <boot dev='hd'/>
                      </os>
                      <devices>
                        <disk type='file' device='disk'>
                          <source file='/guest/demo.img'/>
                          <target dev='vda' bus='virtio'/>
                        </disk>
                        <interface type='network'>
                          <mac address='52:54:00:12:34:56'/>
                          <source network='default'/>
                        </interface>
                      </devices>
                    </domain>
                    """,
            "net.xml", """
                    <network>
                      <name>net2</name>
                      <uuid>22222222-3333-4444-5555-666666666666</uuid>
                      <bridge name='virbr5'/>
                      <ip address='192.168.150.1' netmask='255.255.255.0'/>
                    </network>
                    """,
            "pool.xml", """
                    <pool type='dir'>
                      <name>pool2</name>
                      <uuid>33333333-4444-5555-6666-777777777777</uuid>
                      <target>
                        <path>/pool2</path>
                      </target>
                    </pool>
                    """,
            "vol.xml", """
                    <volume>
                      <name>v2</name>
                      <capacity unit='MiB'>10</capacity>
                    </volume>
                    """,
            "disk.xml", """
                    <disk type='file' device='disk'>
                      <source file='/guest/extra.img'/>
                      <target dev='vdb' bus='virtio'/>
                    </disk>
                    """,
            "guest.cfg", """
                    name = "guest"
                    memory = 512
                    vcpus = 1
                    kernel = "/boot/vmlinuz"
                    """,
            "nouuid.xml", """
                    <domain type='test'>
                      <name>fresh</name>
                      <memory>65536</memory>
                      <os><type>hvm</type></os>
                    </domain>
                    """,
            "spec.xml", """
                    <source>
                      <host name='nfs.example'/>
                      <dir path='/x'/>
                    </source>
                    """,
            "iothreads.xml", """
                    <domain type='test'>
                      <name>io</name>
                      <uuid>44444444-5555-6666-7777-888888888888</uuid>
                      <memory>65536</memory>
                      <vcpu>2</vcpu>
                      <iothreads>2</iothreads>
                      <os><type>hvm</type></os>
                    </domain>
                    """);

    static List<DifferentialCase> all() {
        return List.of(
                // ---- reference outputs (libvirt.md 3.5) ----
                script("list-all", "list --all"),
                script("dominfo", "dominfo test"),
                script("dumpxml", "dumpxml test"),
                script("dumpxml-inactive", "dumpxml --inactive test"),
                // The test driver converts no native format, in either direction; virsh's checks come first.
                script("domxml-native", "domxml-from-native xen-xl guest.cfg; domxml-from-native xen-xl nosuch.cfg; "
                        + "domxml-from-native xen-xl; domxml-to-native xen-xl demo.xml; domxml-to-native xen-xl --domain test; "
                        + "domxml-to-native xen-xl --xml demo.xml --domain test; domxml-to-native xen-xl; "
                        + "domxml-to-native xen-xl --domain nosuch; domxml-to-native xen-xl nosuch.xml"),
                script("domxml-native-help", "help domxml-from-native; help domxml-to-native"),
                script("net", "net-list --all; net-dumpxml default; net-info default"),
                script("pool-vol", "pool-list --all; vol-list default-pool; pool-info default-pool; pool-dumpxml default-pool"),
                script("host", "nodeinfo; capabilities; domstate test; uri; freecell --all; freecell; freecell 0; "
                        + "freecell --cellno 1; sysinfo; maxvcpus; maxvcpus --type test; hostname"),
                script("iface", "iface-list --all; iface-list; iface-list --inactive; iface-dumpxml eth1; "
                        + "iface-dumpxml aa:bb:cc:dd:ee:ff; iface-dumpxml nosuch"),
                script("dom-monitor", "domstate --reason test; domiflist test; domblklist test; "
                        + "domblklist test --details; domiflist test --inactive"),
                script("lookup-failure", "dominfo nosuch"),
                // ---- lifecycle (libvirt.md 3.6) ----
                script("lifecycle", "define demo.xml; list --all; start demo; domstate --reason demo; suspend demo; "
                        + "domstate --reason demo; resume demo; domstate --reason demo; shutdown demo; "
                        + "domstate --reason demo; destroy demo; undefine demo; list --all"),
                script("lifecycle-errors", "define demo.xml; start demo; reboot demo; domstate --reason demo; "
                        + "destroy demo; domstate --reason demo; start --paused demo; create --paused demo.xml; "
                        + "start demo; shutdown --mode acpi demo; suspend demo; suspend demo; resume demo; "
                        + "resume demo; destroy demo; undefine demo; undefine demo"),
                script("transient", "create demo.xml; list --all; domstate --reason demo; destroy demo; list --all"),
                script("undefine-running", "define demo.xml; start demo; undefine demo; list --all --persistent; "
                        + "list --all --transient; destroy demo; list --all"),
                script("resources", "setmem test 1048576; setvcpus test 1; vcpucount test; save test test.save; "
                        + "list --all; restore test.save; managedsave test; list --all --managed-save; start test; "
                        + "domstate --reason test; pool-destroy default-pool; vol-create-as default-pool v1 1G; "
                        + "pool-start default-pool; vol-create-as default-pool v1 1G; vol-list default-pool"),
                script("batch-status-0", "start test; domstate test; dominfo nosuch; uri"),
                script("batch-status-1", "uri; dominfo nosuch"),
                // ---- lookups and names ----
                script("names", "define demo.xml; domid demo; domname demo; domuuid demo; "
                        + "domid 11111111-2222-3333-4444-555555555555; domname 11111111-2222-3333-4444-555555555555; "
                        + "domuuid 1; domname 1; domid test; start 1; start --force-boot demo; domid demo"),
                script("lookup-by-id-uuid", "domstate 1; domstate 6695eb01-f6a4-8304-79aa-97f2502e193f; "
                        + "domstate 6695eb01f6a4830479aa97f2502e193f; domstate 99"),
                script("managedsave", "managedsave-remove test; managedsave test; list --all --with-managed-save; "
                        + "list --all --without-managed-save; managedsave-remove test; managedsave-remove test; "
                        + "managedsave test; start test; list --all --managed-save"),
                script("undefine-managedsave", "define demo.xml; start demo; managedsave demo; undefine demo; "
                        + "undefine demo --managed-save; list --all"),
                script("undefine-flags", "define demo.xml; undefine demo --nvram --keep-nvram; "
                        + "undefine demo --wipe-storage; undefine demo --delete-storage-volume-snapshots; "
                        + "undefine demo --snapshots-metadata --checkpoints-metadata; list --all"),
                script("dump", "dump test test.core; domstate test --reason; dump test test.core --memory-only; "
                        + "dump test test.core --bypass-cache; dump test test.core --format elf; "
                        + "dump test test.core --memory-only --format bogus; dump test test.core --memory-only --format elf; "
                        + "dump test test.core --live --crash; dump test test.core --reset --live; "
                        + "dump test /nonexistent/x.core; dump nosuch x.core; "
                        + "dump test test.core --crash --verbose; domstate test --reason; list --all; dump test test.core"),
                script("save-restore-errors", "save test /nonexistent/x; restore /nonexistent; "
                        + "define /nonexistent; create /nonexistent; define .; attach-device test /nonexistent"),
                // ---- list filters and formats ----
                script("list-filters", "define demo.xml; create nouuid.xml; list; list --inactive; list --all --name; "
                        + "list --all --uuid; list --all --id; list --all --name --id --uuid; list --state-running; "
                        + "list --state-shutoff; list --state-paused; list --state-other; list --all --persistent; "
                        + "list --all --transient; list --all --autostart; list --all --no-autostart; list --all --title; "
                        + "list --table --name; list --table --id; list --all --with-snapshot; list --all --without-snapshot"),
                of("quiet", "-q", "-c", "test:///default", "list --all; start test; define demo.xml; pool-list; "
                        + "vol-list default-pool; net-list; freecell --all; destroy test"),
                // ---- memory, vCPUs, descriptions, autostart ----
                script("memory-vcpus", "setmaxmem test 4G; setmem test 1G --config; setmem test 2G --current; "
                        + "setmem test 10q; setmem test abc; setmem test 99999999999999999999; setvcpus test abc; "
                        + "setvcpus test 0; setvcpus test -1; setvcpus test 4 --maximum; setvcpus test 1 --maximum --config; "
                        + "vcpucount test; vcpucount test --maximum; vcpucount test --active --live; "
                        + "vcpucount test --config; vcpucount test --current; vcpucount test --guest; "
                        + "setmem test 1024 --live --current; setmem --kilobytes 4096 test"),
                script("desc", "desc test \"hello world\"; desc test; desc test --title \"My title\"; desc test --title; "
                        + "list --title; desc test --config new; desc test --config; desc test --current --live x"),
                script("autostart", "autostart test; list --all --autostart; autostart --disable test; "
                        + "list --all --autostart; autostart nosuch"),
                // ---- networks, pools, volumes ----
                script("network-lifecycle", "net-define net.xml; net-list --all; net-start net2; net-info net2; "
                        + "net-autostart net2; net-list --all --autostart; net-autostart --disable net2; net-uuid net2; "
                        + "net-name 22222222-3333-4444-5555-666666666666; net-dumpxml net2; net-dumpxml --inactive net2; "
                        + "net-destroy net2; net-undefine net2; net-list --all"),
                script("network-transient", "net-create net.xml; net-list --all; net-list --transient; net-list --name; "
                        + "net-list --uuid; net-list --name --uuid; net-destroy net2; net-list --all; net-info nosuch; "
                        + "net-start default; net-destroy default; net-list --inactive; net-name nosuch; net-uuid nosuch"),
                script("pool-lifecycle", "pool-define pool.xml; pool-list --all; pool-start pool2; pool-info pool2; "
                        + "pool-autostart pool2; pool-list --all --details; pool-refresh pool2; vol-create pool2 vol.xml; "
                        + "vol-list pool2 --details; vol-info v2 --pool pool2; vol-info --bytes --pool pool2 v2; "
                        + "vol-path v2 --pool pool2; vol-dumpxml v2 --pool pool2; vol-delete v2 --pool pool2; "
                        + "pool-destroy pool2; pool-undefine pool2; pool-list --all"),
                script("pool-list-forms", "pool-list --type dir; pool-list --type foo; pool-list --type dir,fs --all; "
                        + "pool-list --uuid --name --all; pool-list --name; pool-list --details --name; "
                        + "pool-list --all --inactive; pool-list --persistent; pool-list --transient; pool-list --autostart"),
                script("pool-inactive", "pool-destroy default-pool; vol-list default-pool; pool-info default-pool; "
                        + "pool-list --all --details; pool-start default-pool"),
                script("volume-errors", "vol-info nosuch; vol-info nosuch default-pool; vol-path nosuch --pool nosuch; "
                        + "vol-create-as default-pool v1 1Q; vol-create-as default-pool v1 -1; "
                        + "vol-create-as default-pool v3 1M --allocation 512K --format raw --print-xml; "
                        + "vol-create-as nosuch v1 1M; vol-list nosuch; vol-delete nosuch --pool default-pool"),
                script("vol-resize", "vol-create-as default-pool v2 10M; vol-resize v2 20M --pool default-pool; "
                        + "vol-info v2 --pool default-pool").knownToDiffer(DRIVER_RESIZE),
                script("devices", "attach-device test disk.xml; domblklist test").knownToDiffer(DRIVER_ATTACH),
                script("pool-build-flags", "pool-start default-pool --build; pool-destroy default-pool; "
                        + "pool-start default-pool --build; pool-start default-pool --overwrite --no-overwrite; "
                        + "pool-create pool.xml --build"),
                script("vol-backing", "vol-create-as default-pool base 1M; vol-create-as default-pool snap 1M "
                        + "--backing-vol base --backing-vol-format raw --print-xml; "
                        + "vol-create-as default-pool snap 1M --backing-vol nosuch"),
                // ---- domstats ----
                script("domstats", "domstats; domstats --state; domstats --raw --backing --nowait test; "
                        + "domstats --cpu-total --balloon --vcpu --interface --block --perf --iothread --memory "
                        + "--dirtyrate --vm; domstats --iothread --enforce test; domstats --state --iothread --enforce"),
                script("domstats-enforce", "domstats --cpu-total --enforce; domstats --state --vm --enforce; "
                        + "domstats --perf --balloon --enforce test; domstats --dirtyrate --memory --enforce test"),
                // libvirt lists all domains in hash order, random per run: scripts name the
                // domains wherever more than one would be printed.
                script("domstats-filters", "define demo.xml; domstats demo test; domstats --list-inactive; "
                        + "domstats --list-active --list-inactive test demo; domstats --list-running test demo; "
                        + "domstats --list-shutoff test; domstats --list-persistent --list-transient demo test; "
                        + "domstats --list-transient; domstats --list-other; start demo; suspend demo; "
                        + "domstats --list-paused; domstats --list-running; domstats demo test demo 1; "
                        + "domstats --domain test; domstats --state 11111111-2222-3333-4444-555555555555"),
                script("domstats-transient", "create nouuid.xml; domstats --list-transient; "
                        + "domstats --list-persistent; domstats fresh test --state; destroy fresh; domstats fresh"),
                script("domstats-iothreads", "define iothreads.xml; domstats --iothread io; start io; "
                        + "domstats --iothread --enforce io; domstats io"),
                script("domstats-errors", "domstats nosuch; domstats test nosuch; domstats 99; domstats \"\"; "
                        + "domstats test --list-shutoff nosuch"),
                script("domstats-bad-option", "domstats --bogus"),
                script("domstats-help", "help domstats; domstats --help"),
                // ---- pools from options, build, delete, names ----
                script("pool-define-as-print", "pool-define-as p1 dir --print-xml; "
                        + "pool-define-as p1 netfs --source-host h --source-path /x --source-dev /dev/sda "
                        + "--source-name nm --target /t --source-format nfs --auth-type chap --auth-username u "
                        + "--secret-usage us --adapter-name host0 --source-protocol-ver 4 --source-initiator iqn.x "
                        + "--print-xml; "
                        + "pool-define-as p1 scsi --adapter-wwnn a --adapter-wwpn b --adapter-parent-wwnn c "
                        + "--adapter-parent-wwpn d --adapter-parent-fabric-wwn e --secret-uuid x --auth-type chap "
                        + "--auth-username u --print-xml; "
                        + "pool-define-as p1 scsi --adapter-wwnn a --adapter-wwpn b --adapter-parent pp --print-xml; "
                        + "pool-define-as p1 scsi --adapter-wwnn a --adapter-wwpn b --adapter-parent-fabric-wwn f --print-xml; "
                        + "pool-define-as p1 scsi --adapter-wwnn a --adapter-wwpn b --adapter-parent-wwnn f --print-xml; "
                        + "pool-define-as p1 scsi --adapter-wwnn a --print-xml; "
                        + "pool-define-as p1 rbd --auth-type ceph --auth-username u --secret-uuid 0 --print-xml; "
                        + "pool-define-as p1 netfs --source-protocol-ver 3 --print-xml; "
                        + "pool-define-as p1 dir h /src /dev/x nm /t fmt atype auser --print-xml; "
                        + "pool-define-as --print-xml --type dir --name \"a<b'&\" --target \"/t&<\"; "
                        + "pool-create-as p4 dir --no-overwrite --print-xml --source-initiator iqn"),
                script("pool-define-as-errors", "pool-define-as p1 dir --target '' --source-format ''; "
                        + "pool-define-as p1 dir --source-initiator '' --source-protocol-ver ''; "
                        + "pool-define-as p1 dir --source-initiator '' --adapter-parent-fabric-wwn ''; "
                        + "pool-define-as p1 '' --source-host '' --secret-usage a --secret-uuid b; "
                        + "pool-define-as '' dir; pool-create-as p1 dir --secret-usage a --secret-uuid b "
                        + "--overwrite --no-overwrite; pool-define-as p1 dir; pool-define-as p2 bogus --target /x; "
                        + "pool-define-as default-pool dir --target /y; pool-create-as p3 dir; "
                        + "pool-create-as default-pool dir --target /z; pool-list --all"),
                script("pool-define-as", "pool-define-as p1 dir --target /p1; pool-list --all; pool-dumpxml p1; "
                        + "pool-start p1; pool-info p1; pool-define-as p1 dir --target /other; pool-dumpxml p1 --inactive; "
                        + "pool-destroy p1; pool-undefine p1; pool-list --all"),
                script("pool-create-as", "pool-create-as p3 dir --target /p3; pool-list --all --details; "
                        + "pool-create-as p4 dir --target /p4 --build --overwrite; pool-create-as p5 --type dir "
                        + "--name p5 --target /p5 --build; pool-dumpxml p3; pool-destroy p3; pool-list --all"),
                script("pool-define-as-missing-type", "pool-define-as p1"),
                script("pool-define-as-missing-name", "pool-create-as --type dir"),
                script("pool-build-delete", "pool-build default-pool; pool-build default-pool --overwrite; "
                        + "pool-build default-pool --no-overwrite --overwrite; pool-build nosuch; "
                        + "pool-delete default-pool; pool-destroy default-pool; pool-build default-pool; "
                        + "pool-build default-pool --no-overwrite; pool-delete default-pool; pool-delete nosuch; "
                        + "pool-start default-pool; pool-list --all"),
                script("pool-build-missing", "pool-build --overwrite"),
                script("pool-delete-missing", "pool-delete"),
                script("pool-vol-names", "pool-name dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566; pool-name default-pool; "
                        + "pool-uuid default-pool; pool-uuid dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566; pool-name nosuch; "
                        + "pool-uuid nosuch; pool-name dfe224cb-28fb-8dd0-c4b2-64eb3f0f4567; "
                        + "vol-create-as default-pool v1 1M; vol-key v1 --pool default-pool; vol-name /default-pool/v1; "
                        + "vol-pool /default-pool/v1; vol-pool --uuid /default-pool/v1; vol-key /default-pool/v1; "
                        + "vol-name v1; vol-pool v1; vol-key nosuch; vol-key v1 --pool nosuch"),
                script("vol-clone", "vol-create-as default-pool v1 1M; vol-clone v1 v1c --pool default-pool; "
                        + "vol-list default-pool; vol-clone v1 v1d --pool default-pool --print-xml; "
                        + "vol-clone /default-pool/v1 v1c; vol-clone nosuch x --pool default-pool; vol-clone nosuch x; "
                        + "vol-clone v1 v1e --pool default-pool --prealloc-metadata; "
                        + "vol-clone v1 v1f --pool default-pool --reflink; vol-clone v1 v1g --pool nosuch; "
                        + "vol-dumpxml v1c --pool default-pool; vol-list default-pool --details"),
                script("vol-create-from", "vol-create-as default-pool v1 1M; vol-create-from default-pool vol.xml v1; "
                        + "vol-create-from default-pool vol.xml v1 --inputpool default-pool; vol-list default-pool --details; "
                        + "vol-create-from default-pool vol.xml v1 --inputpool default-pool; "
                        + "vol-create-from default-pool /nonexistent v1 --inputpool default-pool; "
                        + "vol-create-from nosuch /nonexistent v1; vol-create-from default-pool vol.xml nosuch --inputpool default-pool; "
                        + "vol-create-from default-pool vol.xml v1 --inputpool nosuch; "
                        + "vol-create-from default-pool vol.xml /default-pool/v1 --reflink; "
                        + "pool-destroy default-pool; vol-clone v1 v3 --pool default-pool; "
                        + "vol-create-from default-pool vol.xml v1"),
                script("vol-copies-help", "help vol-clone; help vol-create-from"),
                script("vol-clone-missing", "vol-clone v1"),
                script("pool-event", "pool-event --list; pool-event --list --event lifecycle; "
                        + "pool-event --event lifecycle --timeout 1; "
                        + "pool-event --event refresh --pool default-pool --timeout 1 --loop; "
                        + "pool-event --event refresh --pool nosuch --timeout 1; pool-event --event lifecycle --timeout 0; "
                        + "pool-event; pool-event --event bogus; pool-event --pool nosuch"),
                script("pool-event-positional", "pool-event nosuch --event lifecycle --timeout 1"),
                script("find-storage-pool-sources", "find-storage-pool-sources logical; "
                        + "find-storage-pool-sources-as logical; find-storage-pool-sources-as netfs; "
                        + "find-storage-pool-sources-as netfs --host h; find-storage-pool-sources dir; "
                        + "find-storage-pool-sources bogus; find-storage-pool-sources fs; "
                        + "find-storage-pool-sources-as netfs h 2049 iqn; find-storage-pool-sources netfs spec.xml; "
                        + "find-storage-pool-sources netfs /nonexistent; find-storage-pool-sources-as logical --host h; "
                        + "find-storage-pool-sources-as netfs --host ''; find-storage-pool-sources-as netfs --port 1; "
                        + "help find-storage-pool-sources; help find-storage-pool-sources-as"),
                script("find-storage-pool-sources-missing", "find-storage-pool-sources --srcSpec spec.xml"),
                of("find-storage-pool-sources-readonly", "-r", "-c", "test:///default",
                        "find-storage-pool-sources logical"),
                // pool-edit through an editor that changes nothing, one that edits, one whose result
                // libvirt refuses (a new name for the same UUID).
                script("pool-edit-unchanged", "pool-edit default-pool; pool-edit nosuch; pool-edit pool2")
                        .withEnv("EDITOR", "true"),
                script("pool-edit", "pool-define pool.xml; pool-edit pool2; pool-dumpxml pool2; pool-edit default-pool; "
                        + "pool-dumpxml default-pool; pool-destroy default-pool; pool-dumpxml default-pool")
                        .withEnv("EDITOR", "sed -i -e s,/pool2,/edited, -e s,/default-pool,/dp-new,"),
                script("pool-edit-refused", "pool-edit default-pool; pool-list --all")
                        .withEnv("EDITOR", "sed -i s,default-pool,dp2,g"),
                script("pool-edit-missing", "pool-edit"),
                script("pool-redefine", "pool-define pool.xml; pool-define pool.xml; pool-start pool2; "
                        + "pool-create pool.xml; pool-define pool.xml; pool-list --all --details"),
                script("vol-name-no-pool-option", "vol-name v1 --pool default-pool"),
                script("pool-commands-help", "help pool-define-as; help pool-create-as; help pool-build; "
                        + "help pool-delete; help pool-name; help pool-uuid; help vol-key; help vol-name; help vol-pool; "
                        + "help pool-event; help pool-edit"),
                script("storage-errors", "net-autostart nosuch; pool-autostart nosuch; pool-autostart default-pool --disable; "
                        + "pool-info default-pool; net-destroy nosuch; pool-undefine default-pool; pool-refresh nosuch"),
                script("connect-in-batch", "connect test:///default; uri; connect --name test:///default --readonly; "
                        + "start test; connect test:///; uri"),
                script("undefine-running-test", "undefine test; list --all; destroy test; list --all"),
                script("mode-errors", "reset test; reboot test --mode bogus; shutdown test --mode acpi,; "
                        + "shutdown test --mode \"\"; dominfo \"\""),
                script("event-domain", "event --domain nosuch --all; event --domain test --event lifecycle --timeout 1"),
                // ---- XML filters ----
                script("xpath", "dumpxml test --xpath //name; dumpxml test --xpath //disk/target --wrap; "
                        + "dumpxml test --xpath //target/@dev; dumpxml test --xpath //nosuch --wrap; "
                        + "net-dumpxml default --xpath //ip; pool-dumpxml default-pool --xpath //target/path"),
                script("dumpxml-flags", "dumpxml test --security-info; dumpxml test --migratable")
                        ,
                script("dumpxml-update-cpu", "dumpxml test --update-cpu"),
                // ---- events ----
                script("event-list", "event --list; event --all --timeout 0; event; event --event foo; "
                        + "event --all --event lifecycle; event --list --all"),
                script("event-timeout", "event --event reboot --timeout 1"),
                // ---- parsing ----
                script("parse-missing-option", "dominfo"),
                script("parse-already-seen", "domstate test --reason --reason"),
                script("parse-unsupported-option", "dominfo test --y"),
                script("parse-unexpected-data", "list |"),
                script("parse-unknown-command", "nosuchcmd"),
                script("parse-later-error-runs-nothing", "uri; nosuchcmd; hostname"),
                script("parse-expected-syntax", "dominfo --domain"),
                script("parse-equals-after-bool", "list --all=x"),
                script("parse-quotes", "echo a\\ b \"c d\" 'e f' \"te\"st"),
                script("parse-missing-quote", "echo \"unterminated"),
                script("parse-dangling-backslash", "echo a\\"),
                script("parse-comment", "list # comment; uri\nhostname"),
                script("parse-named-forms", "domstate --domain=test; domstate --domain test; domstate 'test' --reason"),
                script("parse-double-dash", "echo -- --all; domstate -- --reason"),
                script("echo", "echo --hi; echo --hi=x; echo --str a b --string c; echo --xml \"<a&b>'\"; "
                        + "echo --shell \"it's\" plain; echo --split a,,b,c; echo --err oops; echo --xml --shell x; echo"),
                script("help", "help dominfo; help list; help shutdown; help vol-create-as; help echo; "
                        + "help setmem; help connect; dominfo --help; help nosuch"),
                of("argv-form", "-c", "test:///default", "dominfo", "--domain", "test"),
                of("argv-form-echo", "-c", "test:///default", "echo", "a;b", "#c"),
                of("empty-command-string", "-c", "test:///default", ""),
                // ---- global options ----
                of("opt-missing-arg", "-c"),
                of("opt-unsupported-long", "--bogus"),
                of("opt-unsupported-short", "-x"),
                of("opt-bad-escape", "-e", "xx", "uri"),
                of("opt-escape", "-e", "^a", "-c", "test:///default", "uri"),
                of("opt-debug-range", "-d", "5", "-c", "test:///default", "uri"),
                of("opt-debug-nan", "--debug=x", "uri"),
                of("opt-debug-trace", "-d", "0", "-c", "test:///default", "uri; domstate test --reason"),
                of("opt-keepalive-forced", "-k", "5", "-c", "test:///default", "uri"),
                of("opt-keepalive-off", "-k", "0", "-c", "test:///default", "uri"),
                of("opt-keepalive-count", "-K", "3", "-c", "test:///default", "uri"),
                of("opt-keepalive-bad", "-k", "abc", "uri"),
                of("opt-bundled", "-qc", "test:///default", "uri"),
                of("opt-abbreviated", "--conn", "test:///default", "uri"),
                of("opt-long-equals", "--connect=test:///default", "uri"),
                of("opt-flag-with-value", "--quiet=1", "uri"),
                of("opt-ambiguous", "--keep", "4", "uri"),
                of("opt-double-dash", "-q", "-c", "test:///default", "--", "uri"),
                of("readonly", "-r", "-c", "test:///default", "start test; destroy test; define demo.xml; list; "
                        + "dumpxml test --security-info; suspend test"),
                of("connect-failure", "-c", "test:///", "list"),
                of("connect-missing-file", "-c", "test:///nonexistent.xml", "list").knownToDiffer(LIBXML_WARNING),
                of("connect-unknown-driver", "-c", "bogus:///x", "uri").knownToDiffer(REMOTE_DRIVER),
                // ---- interactive mode over a pipe ----
                of("interactive", "-c", "test:///default").withStdin("list --all\nuri\ndominfo nosuch\nquit\n"),
                of("interactive-eof", "-c", "test:///default").withStdin("uri"),
                of("interactive-blank-lines", "-q", "-c", "test:///default").withStdin("\n   \nuri  \necho \"x\n"),
                of("interactive-readonly", "-q", "-r", "-c", "test:///default").withStdin("uri\n"),
                of("interactive-connect", "-c", "test:///default")
                        .withStdin("connect --readonly\nuri\nconnect\nuri\nconnect test:///default\nhostname\n"),
                of("interactive-cd", "-q").withStdin("cd /tmp\npwd\ncd /nonexistent\ncd /etc/hostname\n"),
                of("interactive-quit-in-batch", "-c", "test:///default").withStdin("uri; quit; uri\nuri\n"),
                of("interactive-exit").withStdin("exit\n"),
                of("interactive-state", "-c", "test:///default").withStdin("start test\nlist\ndestroy test\nlist --all\n"),
                script("cd-not-interactive", "cd /tmp; pwd"),
                of("complete", "-c", "test:///default", "complete", "--", "shutdown", "test", "--mode", ""),
                of("complete-options", "-c", "test:///default", "complete", "--", "list", "--a"),
                of("complete-domain", "-c", "test:///default", "complete", "--", "dominfo", "t"),
                of("complete-none", "-c", "test:///default", "complete", "--", "dominfo", "test", ""),
                of("complete-domstats", "-c", "test:///default", "complete", "--", "domstats", "--list-"),
                of("complete-domstats-domain", "-c", "test:///default", "complete", "--", "domstats", "--state", "t"),
                of("complete-pool-build", "-c", "test:///default", "complete", "--", "pool-build", ""),
                of("complete-pool-build-options", "-c", "test:///default", "complete", "--", "pool-build",
                        "default-pool", "--"),
                of("complete-pool-event", "-c", "test:///default", "complete", "--", "pool-event", "--event", ""),
                of("complete-pool-event-pool", "-c", "test:///default", "complete", "--", "pool-event", "--pool", ""),
                of("complete-pool-define-as-target", "-c", "test:///default", "complete", "--", "pool-define-as", "p",
                        "dir", "--target", "/"),
                of("complete-pool-define-as", "-c", "test:///default", "complete", "--", "pool-define-as", "p1",
                        "dir", "--adapter-p"));
    }
}

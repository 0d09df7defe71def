package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QemuCommandLineTest {
    /** What QemuProber reports for Debian 12's QEMU 7.2, trimmed. */
    static final QemuCapabilities CAPS = new QemuCapabilities(Path.of("/usr/bin/qemu-system-x86_64"),
            "7.2.22", "Debian 1:7.2+dfsg-7+deb12u18+b3",
            List.of(new QemuCapabilities.Machine("pc-i440fx-7.2", "pc", true, 255, false),
                    new QemuCapabilities.Machine("pc-q35-7.2", "q35", false, 288, false),
                    new QemuCapabilities.Machine("pc-i440fx-2.0", null, false, 255, true)),
            List.of("Skylake-Client", "max", "qemu64"), Set.of("tcg", "kvm"), false, true);

    /** The same for qemu-system-i386, which runs only 32-bit guests. */
    static final QemuCapabilities I386 = new QemuCapabilities(Path.of("/usr/bin/qemu-system-i386"),
            CAPS.version(), CAPS.packageName(), CAPS.machines(), List.of("qemu32", "pentium3"), Set.of("tcg"),
            false, true);

    static final Path MONITOR = Path.of("/run/jvirt/qemu/web/monitor.sock");

    private static List<String> argv(String xml) {
        return QemuCommandLine.build(LibvirtXml.parseDomain(xml), CAPS, MONITOR);
    }

    private static VirtException refused(String xml) {
        VirtException e = assertThrows(VirtException.class, () -> argv(xml));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code(), e.getMessage());
        return e;
    }

    private static String domain(String devices) {
        return "<domain type='qemu'><name>web</name><memory unit='MiB'>128</memory>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>" + devices
                + "</devices></domain>";
    }

    @Test
    void minimalDomainGetsLibvirtsFixedFlags() {
        assertEquals(List.of("/usr/bin/qemu-system-x86_64",
                "-name", "guest=web,debug-threads=on",
                "-S",
                "-machine", "pc-i440fx-7.2,usb=off,dump-guest-core=off,acpi=off",
                "-accel", "tcg",
                "-m", "size=131072k",
                "-smp", "1,sockets=1,cores=1,threads=1",
                "-uuid", "c7a5fdbd-edaf-9455-926a-d65c16db1809",
                "-no-user-config",
                "-nodefaults",
                "-chardev", "socket,id=charmonitor,path=/run/jvirt/qemu/web/monitor.sock,server=on,wait=off",
                "-mon", "chardev=charmonitor,id=monitor,mode=control",
                "-rtc", "base=utc",
                "-no-shutdown",
                "-boot", "strict=on",
                "-display", "none",
                "-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny",
                "-msg", "timestamp=on"),
                argv("<domain type='qemu'><name>web</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>"
                        + "<memory unit='KiB'>131072</memory><currentMemory unit='KiB'>131072</currentMemory>"
                        + "<vcpu placement='static'>1</vcpu>"
                        + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                        + "<clock offset='utc'/><on_poweroff>destroy</on_poweroff>"
                        + "<on_reboot>restart</on_reboot><on_crash>destroy</on_crash></domain>"));
    }

    @Test
    void fullDomainWithDisksNicSerialVncAndBalloon() {
        List<String> argv = argv("<domain type='qemu'><name>db,1</name><memory unit='GiB'>1</memory>"
                + "<vcpu>4</vcpu>"
                + "<os><type machine='q35'>hvm</type><kernel>/boot/vmlinuz</kernel>"
                + "<initrd>/boot/initrd.img</initrd><cmdline>console=ttyS0 quiet a=1,2</cmdline></os>"
                + "<features><acpi/><apic/></features>"
                + "<cpu mode='custom' match='exact' check='partial'><model fallback='forbid'>qemu64</model>"
                + "<topology sockets='1' cores='2' threads='2'/><feature policy='require' name='ssse3'/></cpu>"
                + "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
                + "<source file='/var/lib/img/a,b.qcow2'/><target dev='vda' bus='virtio'/><boot order='1'/></disk>"
                + "<disk type='file' device='cdrom'><source file='/iso/x.iso'/><target dev='sdb' bus='sata'/>"
                + "<readonly/></disk>"
                + "<controller type='pci' index='0' model='pcie-root'/>"
                + "<interface type='user'><mac address='52:54:00:AA:bb:cc'/><model type='virtio'/></interface>"
                + "<serial type='file'><source path='/var/log/db,1.log'/><target port='0'/></serial>"
                + "<console type='file'><target type='serial' port='0'/></console>"
                + "<graphics type='vnc' port='5901' listen='127.0.0.1'/>"
                + "<video><model type='vga' vram='16384' heads='1' primary='yes'/></video>"
                + "<memballoon model='virtio'/></devices></domain>");
        assertSequence(argv, "-name", "guest=db,,1,debug-threads=on");
        assertSequence(argv, "-machine", "pc-q35-7.2,usb=off,dump-guest-core=off");
        assertSequence(argv, "-cpu", "qemu64,+ssse3");
        assertSequence(argv, "-m", "size=1048576k", "-smp", "4,sockets=1,cores=2,threads=2");
        assertSequence(argv, "-no-shutdown", "-boot", "strict=on", "-kernel", "/boot/vmlinuz",
                "-initrd", "/boot/initrd.img", "-append", "console=ttyS0 quiet a=1,2");
        assertSequence(argv,
                "-blockdev", "{\"driver\":\"file\",\"filename\":\"/var/lib/img/a,b.qcow2\","
                        + "\"node-name\":\"libvirt-1-storage\",\"auto-read-only\":true,\"discard\":\"unmap\"}",
                "-blockdev", "{\"node-name\":\"libvirt-1-format\",\"read-only\":false,\"driver\":\"qcow2\","
                        + "\"file\":\"libvirt-1-storage\"}",
                "-device", "virtio-blk-pci,drive=libvirt-1-format,id=virtio-disk0,bootindex=1",
                "-blockdev", "{\"driver\":\"file\",\"filename\":\"/iso/x.iso\","
                        + "\"node-name\":\"libvirt-2-storage\",\"auto-read-only\":true,\"discard\":\"unmap\"}",
                "-blockdev", "{\"node-name\":\"libvirt-2-format\",\"read-only\":true,\"driver\":\"raw\","
                        + "\"file\":\"libvirt-2-storage\"}",
                "-device", "ide-cd,bus=ide.1,drive=libvirt-2-format,id=sata0-0-1",
                "-netdev", "user,id=hostnet0",
                "-device", "virtio-net-pci,netdev=hostnet0,id=net0,mac=52:54:00:aa:bb:cc",
                "-chardev", "file,id=charserial0,path=/var/log/db,,1.log",
                "-device", "isa-serial,chardev=charserial0,id=serial0,index=0",
                "-vnc", "127.0.0.1:1",
                "-device", "VGA,id=video0,vgamem_mb=16",
                "-device", "virtio-balloon-pci,id=balloon0");
    }

    @Test
    void ideAndScsiDisksAndBootOrder() {
        List<String> argv = argv("<domain type='qemu'><name>w</name><memory>65536</memory>"
                + "<os><type>hvm</type><boot dev='cdrom'/><boot dev='hd'/></os><devices>"
                + "<disk type='file' device='disk'><driver type='raw'/><source file='/i/a.img'/>"
                + "<target dev='hdc' bus='ide'/><serial>S,1</serial></disk>"
                + "<disk type='file' device='disk'><source file='/i/b.img'/><target dev='sdb'/></disk>"
                + "<controller type='usb' model='piix3-uhci'/><input type='tablet' bus='usb'/>"
                + "<input type='mouse' bus='ps2'/><graphics type='vnc' autoport='yes'/></devices></domain>");
        assertSequence(argv, "-machine", "pc-i440fx-7.2,usb=off,dump-guest-core=off,acpi=off");
        // libvirt 9's boot order: no CD-ROM here, so the first disk, second in <os>, gets bootindex 2
        assertSequence(argv, "-boot", "strict=on");
        assertSequence(argv, "-device", "piix3-usb-uhci,id=usb");
        assertSequence(argv, "-device",
                "ide-hd,bus=ide.1,unit=0,drive=libvirt-1-format,id=ide0-1-0,serial=S,,1,bootindex=2");
        assertSequence(argv, "-device", "lsi,id=scsi0");
        assertSequence(argv, "-device", "scsi-hd,bus=scsi0.0,scsi-id=1,drive=libvirt-2-format,id=scsi0-0-0-1");
        assertSequence(argv, "-device", "usb-tablet,id=input0,bus=usb.0");
        assertSequence(argv, "-vnc", "127.0.0.1:0,to=99");
    }

    @Test
    void refusesWhatItCannotHonourNamingIt() {
        assertContains(refused(domain("<sound model='ich9'/>")), "<devices/sound>");
        assertContains(refused(domain("<disk type='file' device='disk'><driver name='qemu' type='raw' io='native'/>"
                + "<source file='/a.img'/><target dev='vda'/></disk>")), "attribute io of <devices/disk/driver>");
        assertContains(refused(domain("<interface type='ethernet'><mac address='52:54:00:00:00:01'/>"
                + "</interface>")), "ethernet");
        assertContains(refused(domain("<rng model='virtio'><backend model='egd' type='udp'>"
                + "<source mode='bind' service='1234'/></backend></rng>")), "RNG backend model 'egd'");
        assertContains(refused("<domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>"
                + "<name>w</name><memory>65536</memory><os><type>hvm</type></os>"
                + "<qemu:commandline><qemu:arg value='-foo'/></qemu:commandline></domain>"), "commandline");
        refused(domain("<disk type='network' device='disk'><source protocol='nbd' name='x'/><target dev='vda'/></disk>"));
        refused(domain("<disk type='file' device='disk'><source file='relative.img'/><target dev='vda'/></disk>"));
        refused(domain("<disk type='file' device='disk'><source file='/a/../etc/x'/><target dev='vda'/></disk>"));
        refused(domain("<serial type='tcp'><source mode='bind' host='127.0.0.1' service='4444'/></serial>"));
        refused(domain("<interface type='user'><model type='virtio'/></interface>")); // no MAC assigned
        refused(domain("<graphics type='spice'/>"));
    }

    @Test
    void refusesBadMachinesTypesAndNames() {
        refused(domain("").replace("machine='pc'", "machine='nope'"));
        refused(domain("").replace("type='qemu'", "type='xen'"));
        refused(domain("").replace("type='qemu'", "type='kvm'")); // CAPS says /dev/kvm is unusable
        refused(domain("").replace("<name>web</name>", "<name>a/b</name>"));
        refused(domain("<disk type='file' device='disk'><source file='/a.img'/><target dev='hda' bus='ide'/></disk>")
                .replace("machine='pc'", "machine='q35'"));
        refused(domain("").replace("<os>", "<cpu><topology sockets='1' cores='3' threads='1'/></cpu><os>"));
    }

    @Test
    void defaultsResolveTheMachineAliasAndAssignMacs() {
        DomainDef def = LibvirtXml.parseDomain(domain("<interface type='user'/>"));
        QemuDomainDefaults.apply(def, CAPS);
        assertEquals("pc-i440fx-7.2", def.getOs().getType().getMachine());
        assertTrue(def.getInterfaces().get(0).getMacAddress().matches("52:54:00(:[0-9a-f]{2}){3}"));
        List<String> argv = QemuCommandLine.build(def, CAPS, MONITOR);
        assertSequence(argv, "-netdev", "user,id=hostnet0");
    }

    @Test
    void i686GuestsRunOnTheX86_64BinaryWithLibvirtsQemu32Cpu() {
        String i686 = domain("").replace("arch='x86_64'", "arch='i686'");
        assertSequence(argv(i686), "-accel", "tcg", "-cpu", "qemu32", "-m");
        List<String> onI386 = QemuCommandLine.build(LibvirtXml.parseDomain(i686), I386, MONITOR);
        assertTrue(!onI386.contains("-cpu"), "qemu-system-i386's own default is qemu32: " + onI386);
        assertContains(assertThrows(VirtException.class, () -> QemuCommandLine.build(
                LibvirtXml.parseDomain(domain("")), I386, MONITOR)), "architecture 'x86_64'");
    }

    @Test
    void anotherArchitectureIsRefusedForItsArchitectureNotItsMachine() {
        assertContains(refused(domain("").replace("arch='x86_64' machine='pc'", "arch='s390x' machine='s390-ccw-virtio'")),
                "architecture 's390x' is not supported by /usr/bin/qemu-system-x86_64");
        DomainDef def = LibvirtXml.parseDomain(domain("").replace("arch='x86_64' machine='pc'", "arch='aarch64' machine='virt'"));
        assertContains(assertThrows(VirtException.class, () -> QemuDomainDefaults.apply(def, CAPS)), "architecture 'aarch64'");
    }

    @Test
    void pciAddressesAreHonouredAndTheOtherDevicesPlacedAroundThem() {
        List<String> argv = argv(domain("<controller type='usb' index='0' model='piix3-uhci'>"
                + "<address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x2'/></controller>"
                + "<controller type='ide' index='0'><address type='pci' domain='0x0000' bus='0x00' slot='0x01'"
                + " function='0x1'/></controller>"
                + "<disk type='file' device='disk'><source file='/i/a.img'/><target dev='vda' bus='virtio'/>"
                + "<address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/></disk>"
                + "<interface type='user'><mac address='52:54:00:00:00:01'/><model type='virtio'/></interface>"
                + "<video><model type='vga'/></video>"
                + "<memballoon model='virtio'><address type='pci' domain='0x0000' bus='0x00' slot='0x0a'"
                + " function='0x0' multifunction='on'/></memballoon>"));
        assertSequence(argv, "-device", "piix3-usb-uhci,id=usb,bus=pci.0,addr=0x1.0x2");
        assertSequence(argv, "-device", "virtio-blk-pci,bus=pci.0,addr=0x2,drive=libvirt-1-format,id=virtio-disk0");
        // unaddressed devices take the free slots from 3 up, skipping 2 and 0xa
        assertSequence(argv, "-device", "virtio-net-pci,netdev=hostnet0,id=net0,mac=52:54:00:00:00:01,bus=pci.0,addr=0x3");
        assertSequence(argv, "-device", "VGA,id=video0,bus=pci.0,addr=0x4");
        assertSequence(argv, "-device", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0xa,multifunction=on");
        List<String> q35 = argv(domain("<memballoon model='virtio'><address type='pci' slot='0x05'/></memballoon>")
                .replace("machine='pc'", "machine='q35'"));
        assertSequence(q35, "-device", "virtio-balloon-pci,id=balloon0,bus=pcie.0,addr=0x5");
    }

    @Test
    void pciAddressesThatCannotBeHonouredAreRefused() {
        String balloonAt = "<memballoon model='virtio'><address type='pci' domain='0x0000' bus='%s' slot='%s'"
                + " function='0x0'/></memballoon>";
        assertContains(refused(domain(String.format(balloonAt, "0x01", "0x03"))), "which no PCI controller provides");
        assertContains(refused(domain(String.format(balloonAt, "0x00", "0x01"))), "taken by the machine");
        assertContains(refused(domain(String.format(balloonAt, "0x00", "0x20"))), "address slot '0x20'");
        assertContains(refused(domain(String.format(balloonAt, "0x00", "0x03")
                + "<video><model type='vga'/><address type='pci' slot='0x03'/></video>")), "used twice");
        assertContains(refused(domain("<controller type='ide' index='0'><address type='pci' slot='0x05'/></controller>")),
                "built into the i440FX machine at 00:1.1");
        assertContains(refused(domain("<memballoon model='virtio'><address type='ccw' cssid='0xfe'/></memballoon>")),
                "ccw");
        assertContains(refused(domain("<controller type='usb' model='none'/><controller type='usb'/>")),
                "a second usb controller");
    }

    @Test
    void driveAddressesPlaceIdeSataAndScsiDisks() {
        List<String> argv = argv(domain("<disk type='file' device='cdrom'><source file='/i/c.iso'/>"
                + "<target dev='hda' bus='ide'/><address type='drive' controller='0' bus='1' target='0' unit='1'/></disk>"
                + "<controller type='scsi' model='virtio-scsi'/>"
                + "<disk type='file' device='disk'><source file='/i/s.img'/><target dev='sda' bus='scsi'/>"
                + "<address type='drive' controller='0' bus='0' target='2' unit='5'/></disk>"));
        assertSequence(argv, "-device", "ide-cd,bus=ide.1,unit=1,drive=libvirt-1-format,id=ide0-1-1");
        assertSequence(argv, "-device", "scsi-hd,bus=scsi0.0,channel=0,scsi-id=2,lun=5,drive=libvirt-2-format,id=scsi0-0-2-5");
        List<String> sata = argv(domain("<disk type='file' device='disk'><source file='/i/a.img'/>"
                + "<target dev='sda' bus='sata'/><address type='drive' controller='0' bus='0' target='0' unit='3'/></disk>")
                .replace("machine='pc'", "machine='q35'"));
        assertSequence(sata, "-device", "ide-hd,bus=ide.3,drive=libvirt-1-format,id=sata0-0-3");
        // lsilogic has one LUN per target: the unit is the SCSI id, as in libvirt
        assertSequence(argv(domain("<disk type='file' device='disk'><source file='/i/s.img'/><target dev='sda'/>"
                + "<address type='drive' controller='0' bus='0' target='0' unit='4'/></disk>")),
                "-device", "scsi-hd,bus=scsi0.0,scsi-id=4,drive=libvirt-1-format,id=scsi0-0-0-4");
        String ide = "<disk type='file' device='disk'><source file='/i/a.img'/><target dev='hda' bus='ide'/>"
                + "<address type='drive' controller='%s' bus='%s' target='0' unit='0'/></disk>";
        assertContains(refused(domain(String.format(ide, "1", "0"))), "address controller '1'");
        assertContains(refused(domain(String.format(ide, "0", "2"))), "address bus '2'");
        assertContains(refused(domain("<disk type='file' device='disk'><source file='/i/a.img'/><target dev='vda'/>"
                + "<address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>")), "address type 'drive'");
    }

    @Test
    void blockDevicesAndCacheModes() {
        List<String> argv = argv(domain("<disk type='block' device='disk'><driver name='qemu' type='raw' cache='none'/>"
                + "<source dev='/dev/HostVG/web'/><target dev='vda' bus='virtio'/></disk>"
                + "<disk type='block' device='cdrom'><driver name='qemu' type='raw' cache='unsafe'/>"
                + "<source dev='/dev/cdrom'/><target dev='hdc' bus='ide'/><readonly/></disk>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='writethrough'/>"
                + "<source file='/i/a.qcow2'/><target dev='hda' bus='ide'/></disk>"));
        assertSequence(argv,
                "-blockdev", "{\"driver\":\"host_device\",\"filename\":\"/dev/HostVG/web\","
                        + "\"node-name\":\"libvirt-1-storage\",\"auto-read-only\":true,\"discard\":\"unmap\","
                        + "\"cache\":{\"direct\":true,\"no-flush\":false}}",
                "-blockdev", "{\"node-name\":\"libvirt-1-format\",\"read-only\":false,\"driver\":\"raw\","
                        + "\"file\":\"libvirt-1-storage\",\"cache\":{\"direct\":true,\"no-flush\":false}}",
                "-device", "virtio-blk-pci,drive=libvirt-1-format,id=virtio-disk0,write-cache=on");
        assertTrue(argv.stream().anyMatch(a -> a.startsWith("{\"driver\":\"host_cdrom\",\"filename\":\"/dev/cdrom\"")
                && a.contains("\"no-flush\":true")), argv.toString());
        assertSequence(argv, "-device", "ide-cd,bus=ide.1,unit=0,drive=libvirt-2-format,id=ide0-1-0,write-cache=on");
        assertSequence(argv, "-device", "ide-hd,bus=ide.0,unit=0,drive=libvirt-3-format,id=ide0-0-0,write-cache=off");
        assertContains(refused(domain("<disk type='block' device='disk'><source file='/i/a.img'/><target dev='vda'/>"
                + "</disk>")), "a block disk 'vda' with a source file");
        assertContains(refused(domain("<controller type='usb' model='piix3-uhci'/><input type='mouse' bus='usb'>"
                + "<address type='usb' bus='0' port='1' slot='0x03'/></input>")), "a USB address with PCI");
        assertContains(refused(domain("<controller type='ide' index='0'><address type='pci' slot='0x01' function='0x1'"
                + " unit='1'/></controller>")), "a PCI address with a controller, target, unit or port");
        assertContains(refused(domain("<disk type='file' device='disk'><driver name='qemu' cache='fast'/>"
                + "<source file='/i/a.img'/><target dev='vda'/></disk>")), "disk cache mode 'fast'");
        refused(domain("<disk type='block' device='disk'><source dev='dev/sda'/><target dev='vda'/></disk>"));
    }

    @Test
    void silentAudioBackend() {
        assertSequence(argv(domain("<audio id='1' type='none'/>")), "-audiodev", "id=audio1,driver=none", "-sandbox");
        assertContains(refused(domain("<audio id='1' type='alsa'/>")), "audio type 'alsa'");
        assertContains(refused(domain("<audio id='1' type='none'><input mixingEngine='no'/></audio>")),
                "<devices/audio/input>");
    }

    @Test
    void bootOrderBecomesBootindexOnTheFirstDeviceOfEachKindWithAMenu() {
        List<String> argv = argv("<domain type='qemu'><name>w</name><memory>65536</memory>"
                + "<os><type>hvm</type><boot dev='network'/><boot dev='cdrom'/><boot dev='hd'/><boot dev='fd'/>"
                + "<bootmenu enable='yes' timeout='3000'/></os><devices>"
                + "<disk type='file' device='disk'><source file='/i/a.img'/><target dev='vda'/></disk>"
                + "<disk type='file' device='disk'><source file='/i/b.img'/><target dev='vdb'/></disk>"
                + "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>"
                + "<interface type='user'><mac address='52:54:00:00:00:01'/></interface></devices></domain>");
        assertSequence(argv, "-boot", "menu=on,splash-time=3000,strict=on");
        assertSequence(argv, "-device", "virtio-blk-pci,drive=libvirt-1-format,id=virtio-disk0,bootindex=3");
        assertSequence(argv, "-device", "virtio-blk-pci,drive=libvirt-2-format,id=virtio-disk1");
        assertSequence(argv, "-device", "ide-cd,bus=ide.1,unit=0,id=ide0-1-0,bootindex=2");
        assertSequence(argv, "-device", "rtl8139,netdev=hostnet0,id=net0,mac=52:54:00:00:00:01,bootindex=1");
        assertSequence(argv(domain("").replace("</type>", "</type><bootmenu enable='no' timeout='3000'/>")),
                "-boot", "menu=off,strict=on");
        assertContains(refused(domain("").replace("</type>", "</type><bootmenu enable='yes' timeout='65536'/>")),
                "boot menu timeout '65536'");
    }

    @Test
    void usbAndVirtioInputs() {
        List<String> argv = argv(domain("<controller type='usb' model='qemu-xhci'/>"
                + "<input type='mouse' bus='usb'><address type='usb' bus='0' port='2'/></input>"
                + "<input type='keyboard' bus='usb'/><input type='tablet' bus='virtio'/>"
                + "<input type='keyboard' bus='virtio'><address type='pci' slot='0x07'/></input>"));
        assertSequence(argv, "-device", "qemu-xhci,id=usb,bus=pci.0,addr=0x2");
        assertSequence(argv, "-device", "usb-mouse,id=input0,bus=usb.0,port=2");
        assertSequence(argv, "-device", "usb-kbd,id=input1,bus=usb.0");
        assertSequence(argv, "-device", "virtio-tablet-pci,id=input2,bus=pci.0,addr=0x3");
        assertSequence(argv, "-device", "virtio-keyboard-pci,id=input3,bus=pci.0,addr=0x7");
        assertContains(refused(domain("<controller type='usb' model='piix3-uhci'/><input type='mouse' bus='usb'>"
                + "<address type='usb' bus='0' port='3'/></input>")), "USB port '3'");
        assertContains(refused(domain("<input type='mouse' bus='usb'/>")), "without a USB controller");
        assertContains(refused(domain("<input type='passthrough' bus='virtio'><source evdev='/dev/input/e'/></input>")),
                "input type 'passthrough'");
    }

    @Test
    void unixSocketSerialsBindOrConnect() {
        List<String> argv = argv(domain("<serial type='unix'><source mode='bind' path='/run/s,0.sock'/>"
                + "<target port='0'/></serial><serial type='unix'><source path='/run/s1.sock'/><target port='1'/></serial>"
                + "<console type='unix'><source mode='bind' path='/run/s,0.sock'/><target type='serial' port='0'/></console>"));
        assertSequence(argv, "-chardev", "socket,id=charserial0,path=/run/s,,0.sock,server=on,wait=off",
                "-device", "isa-serial,chardev=charserial0,id=serial0,index=0");
        assertSequence(argv, "-chardev", "socket,id=charserial1,path=/run/s1.sock");
        assertContains(refused(domain("<serial type='unix'><source mode='listen' path='/run/s.sock'/></serial>")),
                "unix socket mode 'listen'");
        assertContains(refused(domain("<serial type='unix'><source path='/run/s.sock' append='on'/></serial>")),
                "a unix character device with a source append");
        assertContains(refused(domain("<serial type='file'><source mode='bind' path='/l'/></serial>")),
                "a file character device with a source mode");
        assertSequence(argv(domain("<serial type='pty'><source path='/dev/pts/3'/></serial>")),
                "-chardev", "pty,id=charserial0");
    }

    @Test
    void vncListenElementsAndQxlVideo() {
        assertSequence(argv(domain("<graphics type='vnc' port='5903' autoport='no'>"
                + "<listen type='address' address='::1'/></graphics>")), "-vnc", "[::1]:3");
        assertSequence(argv(domain("<graphics type='vnc'><listen type='none'/></graphics>")), "-vnc", "none");
        assertContains(refused(domain("<graphics type='vnc' listen='127.0.0.1'><listen type='address'"
                + " address='0.0.0.0'/></graphics>")), "differs");
        assertContains(refused(domain("<graphics type='vnc'><listen type='network' network='n'/></graphics>")),
                "VNC listen type 'network'");
        List<String> argv = argv(domain("<video><model type='qxl' ram='65536' vram='32768' vgamem='16384' heads='1'"
                + " primary='yes'/></video><video><model type='qxl' ram='65536' vram='32768' vgamem='8192'"
                + " heads='2'/></video><video><model type='virtio'/></video>"));
        assertSequence(argv, "-device",
                "qxl-vga,id=video0,ram_size=67108864,vram_size=33554432,vgamem_mb=16");
        assertSequence(argv, "-device", "qxl,id=video1,ram_size=67108864,vram_size=33554432,vgamem_mb=8,max_outputs=2");
        assertSequence(argv, "-device", "virtio-gpu-pci,id=video2");
        assertContains(refused(domain("<video><model type='vga'/></video><video><model type='vga'/></video>")),
                "a secondary video device of model 'vga'");
        assertContains(refused(domain("<video><model type='vga' ram='1024'/></video>")), "video ram for model 'vga'");
    }

    @Test
    void rngTimersAndPowerManagement() {
        List<String> argv = argv(domain("<rng model='virtio'><backend model='random'>/dev/hwrng</backend>"
                + "<rate bytes='123' period='1234'/></rng><rng model='virtio'><backend model='builtin'/></rng>"
                + "<rng model='virtio'><backend model='random'>/dev/random</backend><rate bytes='5'/></rng>")
                .replace("<devices>", "<clock offset='localtime'><timer name='rtc' tickpolicy='catchup'/>"
                        + "<timer name='pit' tickpolicy='delay'/><timer name='hpet' present='no'/></clock>"
                        + "<pm><suspend-to-mem enabled='no'/><suspend-to-disk enabled='yes'/></pm><devices>"));
        assertSequence(argv, "-object", "rng-random,id=objrng0,filename=/dev/hwrng",
                "-device", "virtio-rng-pci,rng=objrng0,id=rng0,max-bytes=123,period=1234");
        assertSequence(argv, "-object", "rng-builtin,id=objrng1", "-device", "virtio-rng-pci,rng=objrng1,id=rng1");
        assertSequence(argv, "-device", "virtio-rng-pci,rng=objrng2,id=rng2,max-bytes=5,period=1000");
        assertSequence(argv, "-machine", "pc-i440fx-7.2,usb=off,dump-guest-core=off,acpi=off,hpet=off");
        assertSequence(argv, "-rtc", "base=localtime,driftfix=slew", "-global", "kvm-pit.lost_tick_policy=delay");
        assertSequence(argv, "-global", "PIIX4_PM.disable_s3=1", "-global", "PIIX4_PM.disable_s4=0");
        assertContains(refused(domain("").replace("</os>", "</os><clock offset='utc'><timer name='tsc'"
                + " frequency='4567890000'/></clock>")), "timer 'tsc'");
        assertContains(refused(domain("").replace("</os>", "</os><clock offset='utc'><timer name='rtc'"
                + " track='guest'/></clock>")), "attribute track of <clock/timer>");
        assertContains(refused(domain("<rng model='virtio'><backend model='random'>dev/random</backend></rng>")),
                "RNG source");
    }

    @Test
    void numaCellsBecomeRamBackedNodesRoundedToMiB() {
        List<String> argv = argv("<domain type='qemu'><name>n</name><memory unit='KiB'>219100</memory><vcpu>4</vcpu>"
                + "<os><type>hvm</type></os><cpu><topology sockets='2' cores='2' threads='1'/><numa>"
                + "<cell id='0' cpus='0,2' memory='109550' unit='KiB'/><cell cpus='1,3' memory='109550'/>"
                + "</numa></cpu></domain>");
        assertSequence(argv, "-m", "size=219136k", "-smp", "4,sockets=2,cores=2,threads=1",
                "-object", "memory-backend-ram,id=ram-node0,size=112197632",
                "-numa", "node,nodeid=0,cpus=0,cpus=2,memdev=ram-node0",
                "-object", "memory-backend-ram,id=ram-node1,size=112197632",
                "-numa", "node,nodeid=1,cpus=1,cpus=3,memdev=ram-node1");
        String cells = "<domain type='qemu'><name>n</name><memory unit='KiB'>%s</memory><vcpu>2</vcpu>"
                + "<os><type>hvm</type></os><cpu><numa><cell %s cpus='%s' memory='1024'/></numa></cpu></domain>";
        assertContains(refused(String.format(cells, "1024", "", "0-2")), "beyond the 2 vCPUs");
        assertContains(refused(String.format(cells, "1024", "id='1'", "0-1")), "NUMA cell id '1' out of order");
        assertContains(refused(String.format(cells, "1024", "", "0-1,^1")), "NUMA cell cpus");
        assertContains(refused(String.format(cells, "1024", "memAccess='shared'", "0-1")),
                "attribute memAccess of <cpu/numa/cell>");
    }

    @Test
    void consolesChannelsAndTheVirtioSerialController() {
        List<String> argv = argv(domain("<controller type='virtio-serial' index='0' ports='16' vectors='4'>"
                + "<address type='pci' slot='0x06'/></controller>"
                + "<serial type='file'><source path='/var/log/s.log' append='on'/><target port='0'/></serial>"
                + "<console type='file'><source path='/var/log/s.log'/><target type='serial' port='0'/></console>"
                + "<console type='pty'><target type='virtio' port='1'/></console>"
                + "<channel type='unix'><source mode='bind' path='/run/ga,0.sock'/>"
                + "<target type='virtio' name='org.qemu.guest_agent.0'/>"
                + "<address type='virtio-serial' controller='0' bus='0' port='2'/></channel>"
                + "<channel type='pty'><target type='virtio' name='a,b'/></channel>"));
        assertSequence(argv, "-device", "virtio-serial-pci,id=virtio-serial0,max_ports=16,vectors=4,bus=pci.0,addr=0x6");
        assertSequence(argv, "-chardev", "file,id=charserial0,path=/var/log/s.log,append=on",
                "-device", "isa-serial,chardev=charserial0,id=serial0,index=0");
        assertSequence(argv, "-chardev", "pty,id=charconsole1", "-device", "virtconsole,chardev=charconsole1,id=console1");
        assertSequence(argv, "-chardev", "socket,id=charchannel0,path=/run/ga,,0.sock,server=on,wait=off",
                "-device", "virtserialport,bus=virtio-serial0.0,nr=2,chardev=charchannel0,id=channel0,"
                        + "name=org.qemu.guest_agent.0");
        assertSequence(argv, "-device", "virtserialport,bus=virtio-serial0.0,chardev=charchannel1,id=channel1,name=a,,b");
        // without a controller in the XML the channel gets libvirt's implicit one; a lone console is serial 0
        List<String> implicit = argv(domain("<console type='pty'/><channel type='pty'><target type='virtio'/></channel>"));
        assertSequence(implicit, "-chardev", "pty,id=charserial0", "-device", "isa-serial,chardev=charserial0,id=serial0,index=0",
                "-device", "virtio-serial-pci,id=virtio-serial0");
        assertContains(refused(domain("<serial type='pty'/><console type='file'><source path='/l'/></console>")),
                "on serial port 0 of type 'pty'");
        assertContains(refused(domain("<channel type='pty'><target type='guestfwd' address='10.0.2.1' port='4600'/>"
                + "</channel>")), "channel target type 'guestfwd'");
        assertContains(refused(domain("<controller type='scsi' model='virtio-scsi' ports='4'/>")),
                "ports or vectors of a scsi controller");
        assertContains(refused(domain("<serial type='pty'/><serial type='pty'/><serial type='pty'/><serial type='pty'/>"
                + "<serial type='pty'/>")), "more than the 4 ISA serial ports");
    }

    @Test
    void pcieRootPortsAndPciBridgesCarryDevices() {
        List<String> q35 = argv(domain("<controller type='pci' index='0' model='pcie-root'/>"
                + "<controller type='pci' index='2' model='pcie-root-port'><model name='ioh3420'/>"
                + "<target chassis='2' port='0x11'/><address type='pci' slot='0x02' function='0x1'/></controller>"
                + "<controller type='pci' index='1' model='pcie-root-port'><model name='pcie-root-port'/>"
                + "<target chassis='1' port='0x10'/>"
                + "<address type='pci' slot='0x02' function='0x0' multifunction='on'/></controller>"
                + "<controller type='pci' model='pcie-root-port'/>"
                + "<controller type='usb' model='qemu-xhci' ports='15'><address type='pci' bus='0x01' slot='0x00'/>"
                + "</controller>"
                + "<disk type='file' device='disk'><source file='/i/a.img'/><target dev='vda'/>"
                + "<address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x0'/></disk>")
                .replace("machine='pc'", "machine='q35'"));
        // bridges first, in index order, whatever the XML order; the unindexed port gets index 3
        assertSequence(q35, "-device", "pcie-root-port,port=0x10,chassis=1,id=pci.1,bus=pcie.0,addr=0x2,multifunction=on",
                "-device", "ioh3420,port=0x11,chassis=2,id=pci.2,bus=pcie.0,addr=0x2.0x1",
                "-device", "pcie-root-port,chassis=3,id=pci.3,bus=pcie.0,addr=0x1");
        assertSequence(q35, "-device", "qemu-xhci,p2=15,p3=15,id=usb,bus=pci.1,addr=0x0");
        assertSequence(q35, "-device", "virtio-blk-pci,bus=pci.2,addr=0x0,drive=libvirt-1-format,id=virtio-disk0");
        List<String> pc = argv(domain("<controller type='pci' index='1' model='pci-bridge'><target chassisNr='1'/>"
                + "<address type='pci' slot='0x08'/></controller><controller type='usb' model='nec-xhci'/>"
                + "<memballoon model='virtio'><address type='pci' bus='0x01' slot='0x05'/></memballoon>"));
        assertSequence(pc, "-device", "pci-bridge,chassis_nr=1,id=pci.1,bus=pci.0,addr=0x8");
        assertSequence(pc, "-device", "nec-usb-xhci,id=usb,bus=pci.0,addr=0x2");
        assertSequence(pc, "-device", "virtio-balloon-pci,id=balloon0,bus=pci.1,addr=0x5");
        String onPort = "<controller type='pci' index='1' model='pcie-root-port'/>"
                + "<memballoon model='virtio'><address type='pci' bus='0x01' slot='0x%s'/></memballoon>";
        assertContains(refused(domain(String.format(onPort, "01")).replace("machine='pc'", "machine='q35'")),
                "PCI slot 1 on pci.1 (it has slots 0-0)");
        assertContains(refused(domain(String.format(onPort, "00"))), "only pci-bridge beyond the root bus");
        assertContains(refused(domain("<memballoon model='virtio'><address type='pci' bus='0x03' slot='0x01'/></memballoon>")),
                "on bus 0x03, which no PCI controller provides");
        assertContains(refused(domain("<controller type='pci' index='1' model='pci-bridge'/>"
                + "<controller type='pci' index='1' model='pci-bridge'/>")), "a second pci controller with index 1");
        assertContains(refused(domain("<controller type='usb' model='qemu-xhci' ports='16'/>")), "USB ports '16'");
        assertContains(refused(domain("<controller type='usb' model='piix3-uhci' ports='2'/>")),
                "ports of a piix3-usb-uhci controller");
    }

    @Test
    void firmwareAsBiosOrPflashWithSecureBoot() {
        assertSequence(argv(domain("").replace("</type>", "</type><loader>/usr/share/seabios/bios.bin</loader>")),
                "-bios", "/usr/share/seabios/bios.bin", "-accel", "tcg");
        String efi = "<domain type='qemu'><name>e</name><memory>65536</memory><os><type machine='q35'>hvm</type>"
                + "<loader readonly='yes' secure='%s' type='pflash'>/usr/share/OVMF/OVMF_CODE.secboot.fd</loader>"
                + "<nvram>/var/lib/nv/e_VARS.fd</nvram></os><features><acpi/>%s</features></domain>";
        List<String> argv = argv(String.format(efi, "yes", "<smm state='on'/>"));
        assertSequence(argv,
                "-blockdev", "{\"driver\":\"file\",\"filename\":\"/usr/share/OVMF/OVMF_CODE.secboot.fd\","
                        + "\"node-name\":\"libvirt-pflash0-storage\",\"auto-read-only\":true,\"discard\":\"unmap\"}",
                "-blockdev", "{\"node-name\":\"libvirt-pflash0-format\",\"read-only\":true,\"driver\":\"raw\","
                        + "\"file\":\"libvirt-pflash0-storage\"}");
        assertSequence(argv, "-blockdev", "{\"node-name\":\"libvirt-pflash1-format\",\"read-only\":false,"
                + "\"driver\":\"raw\",\"file\":\"libvirt-pflash1-storage\"}",
                "-machine", "pc-q35-7.2,usb=off,dump-guest-core=off,smm=on,pflash0=libvirt-pflash0-format,"
                        + "pflash1=libvirt-pflash1-format",
                "-global", "driver=cfi.pflash01,property=secure,value=on", "-accel", "tcg");
        assertContains(refused(String.format(efi, "yes", "")), "needs <smm state='on'/>");
        assertContains(refused(String.format(efi, "no", "").replace("<acpi/>", "")), "UEFI requires ACPI");
        assertContains(refused(String.format(efi, "no", "").replace("<nvram>", "<nvram template='/t.fd'>")),
                "<nvram> template");
    }

    @Test
    void hotpluggableVcpusAndIothreads() {
        assertSequence(argv(domain("").replace("<os>", "<vcpu current='2'>6</vcpu><os>")),
                "-smp", "2,maxcpus=6,sockets=6,cores=1,threads=1");
        assertContains(refused(domain("").replace("<os>", "<vcpu current='7'>6</vcpu><os>")), "vcpu current='7' with 6 vCPUs");
        String threads = "<iothreads>3</iothreads><iothreadids><iothread id='5'/></iothreadids><os>";
        String disk = "<disk type='file' device='disk'><driver name='qemu' iothread='%s'/>"
                + "<source file='/i/a.img'/><target dev='vda'/></disk>";
        // three threads: id 5 as listed, and libvirt's numbering from 1 for the other two
        List<String> argv = argv(domain(String.format(disk, "5")).replace("<os>", threads));
        assertSequence(argv, "-object", "iothread,id=iothread1", "-object", "iothread,id=iothread2",
                "-object", "iothread,id=iothread5", "-no-user-config");
        assertSequence(argv, "-device", "virtio-blk-pci,iothread=iothread5,drive=libvirt-1-format,id=virtio-disk0");
        assertContains(refused(domain(String.format(disk, "3")).replace("<os>", threads)),
                "names iothread 3, which the domain lacks");
        assertContains(refused(domain(String.format(disk, "1").replace("vda", "hda"))
                .replace("<os>", threads)), "virtio disks only");
    }

    @Test
    void aGuestAgentChannelWithoutAPathGetsOneBesideTheMonitor() {
        List<String> argv = argv(domain("<channel type='unix'><source mode='bind'/>"
                + "<target type='virtio' name='org.qemu.guest_agent.0'/></channel>"));
        assertSequence(argv, "-chardev",
                "socket,id=charchannel0,path=/run/jvirt/qemu/web/monitor.org.qemu.guest_agent.0,server=on,wait=off",
                "-device", "virtserialport,bus=virtio-serial0.0,chardev=charchannel0,id=channel0,"
                        + "name=org.qemu.guest_agent.0");
        assertContains(refused(domain("<channel type='unix'><source mode='bind'/><target type='virtio'/></channel>")),
                "needs a plain target name");
        assertContains(refused(domain("<channel type='unix'><source mode='connect'/><target type='virtio' name='a'/>"
                + "</channel>")), "character device socket has no path");
    }

    @Test
    void severalScsiAndVirtioSerialControllers() {
        List<String> argv = argv(domain("<controller type='scsi' index='1' model='virtio-scsi'/>"
                + "<disk type='file' device='disk'><source file='/i/a.img'/><target dev='sda' bus='scsi'/>"
                + "<address type='drive' controller='1' bus='0' target='0' unit='2'/></disk>"
                + "<disk type='file' device='disk'><source file='/i/b.img'/><target dev='sdb' bus='scsi'/></disk>"
                + "<controller type='virtio-serial' index='2'/>"
                + "<channel type='pty'><target type='virtio' name='a'/>"
                + "<address type='virtio-serial' controller='2' bus='0' port='1'/></channel>"
                + "<channel type='pty'><target type='virtio' name='b'/>"
                + "<address type='virtio-serial' controller='3' bus='0' port='1'/></channel>"));
        assertSequence(argv, "-device", "virtio-scsi-pci,id=scsi1");
        assertSequence(argv, "-device",
                "scsi-hd,bus=scsi1.0,channel=0,scsi-id=0,lun=2,drive=libvirt-1-format,id=scsi1-0-0-2");
        // the second disk names no controller: libvirt's controller 0, an lsilogic, is added for it
        assertSequence(argv, "-device", "lsi,id=scsi0");
        assertSequence(argv, "-device", "scsi-hd,bus=scsi0.0,scsi-id=1,drive=libvirt-2-format,id=scsi0-0-0-1");
        assertSequence(argv, "-device", "virtio-serial-pci,id=virtio-serial2");
        assertSequence(argv, "-device", "virtserialport,bus=virtio-serial2.0,nr=1,chardev=charchannel0,id=channel0,name=a");
        assertSequence(argv, "-device", "virtio-serial-pci,id=virtio-serial3", "-device",
                "virtserialport,bus=virtio-serial3.0,nr=1,chardev=charchannel1,id=channel1,name=b");
        assertContains(refused(domain("<controller type='scsi' index='1'/><controller type='scsi' index='1'/>")),
                "a second scsi controller with index 1");
        assertContains(refused(domain("<controller type='usb' index='1'/>")), "controller usb index 1");
    }

    @Test
    void floppiesOnThePcAndUsbDisks() {
        List<String> argv = argv("<domain type='qemu'><name>f</name><memory>65536</memory>"
                + "<os><type machine='pc'>hvm</type><boot dev='fd'/><boot dev='hd'/></os><devices>"
                + "<controller type='fdc' index='0'/><controller type='usb' model='piix3-uhci'/>"
                + "<disk type='file' device='floppy'><source file='/i/a.img'/><target dev='fdb'/></disk>"
                + "<disk type='file' device='disk'><source file='/i/u.img'/><target dev='sdc' bus='usb'/>"
                + "<address type='usb' bus='0' port='2'/></disk></devices></domain>");
        assertSequence(argv, "-device", "floppy,unit=1,drive=libvirt-1-format,id=fdc0-0-1",
                "-global", "isa-fdc.bootindexB=1");
        assertSequence(argv, "-device", "usb-storage,bus=usb.0,port=2,drive=libvirt-2-format,id=usb-disk2,bootindex=2");
        assertContains(refused(domain("<disk type='file' device='floppy'><source file='/i/a.img'/><target dev='fda'/>"
                + "</disk>").replace("machine='pc'", "machine='q35'")), "floppy disks on pc-q35-7.2");
        assertContains(refused(domain("<disk type='file' device='floppy'><source file='/i/a.img'/>"
                + "<target dev='fdc'/></disk>")), "beyond drives A and B");
        assertContains(refused(domain("<disk type='file' device='disk'><source file='/i/a.img'/>"
                + "<target dev='fda' bus='fdc'/></disk>")), "a disk on the fdc bus");
        assertContains(refused(domain("<disk type='file' device='disk'><source file='/i/a.img'/>"
                + "<target dev='sda' bus='usb'/></disk>")), "without a USB controller");
    }

    @Test
    void panicDevices() {
        assertSequence(argv(domain("<panic model='isa'/>")), "-device", "pvpanic");
        assertSequence(argv(domain("<panic/>")), "-device", "pvpanic");
        assertSequence(argv(domain("<panic model='isa'><address type='isa' iobase='0x505'/></panic>")),
                "-device", "pvpanic,ioport=1285");
        List<String> argv = argv(domain("<panic model='pvpanic'><address type='pci' domain='0x0000' bus='0x00'"
                + " slot='0x04' function='0x0'/></panic><memballoon model='virtio'/>"));
        assertSequence(argv, "-device", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x2");
        assertSequence(argv, "-device", "pvpanic-pci,bus=pci.0,addr=0x4");
        // Without addresses QEMU places it, as it does every device here
        assertSequence(argv(domain("<memballoon model='virtio'/><panic model='pvpanic'/>")), "-device", "pvpanic-pci");
        for (String model : List.of("s390", "pseries")) {
            assertContains(refused(domain("<panic model='" + model + "'/>")),
                    "guests support panic device of model '" + model + "'");
        }
        assertContains(refused(domain("<panic model='isa'><address type='isa' iobase='0x10000'/></panic>")),
                "panic iobase '0x10000'");
        assertContains(refused(domain("<panic model='isa'><address type='pci' slot='0x04'/></panic>")),
                "address type 'pci' for the ISA panic device");
        assertContains(refused(domain("<panic model='pvpanic'><address type='isa' iobase='0x505'/></panic>")),
                "address type 'isa' for the panic device");
        assertContains(refused(domain("<panic/><panic model='isa'/>")), "more than one <panic model='isa'>");
    }

    @Test
    void hypervPanicIsTheHvCrashCpuFlagOnLibvirtsDefaultModelOrTheGivenOne() {
        // libvirt's hyperv-panic and panic-double fixtures: -cpu qemu64,hv-crash and no device
        List<String> argv = argv(domain("<panic model='hyperv'/>"));
        assertSequence(argv, "-accel", "tcg", "-cpu", "qemu64,hv-crash", "-m");
        assertFalse(argv.stream().anyMatch(a -> a.contains("pvpanic")), argv.toString());
        assertSequence(argv(domain("<panic model='hyperv'/><panic model='isa'><address type='isa' iobase='0x505'/>"
                + "</panic>")), "-cpu", "qemu64,hv-crash");
        assertSequence(argv(domain("<panic model='hyperv'/>").replace("arch='x86_64'", "arch='i686'")),
                "-cpu", "qemu32,hv-crash");
        assertSequence(argv(domain("<panic model='hyperv'/>").replace("<devices>",
                "<cpu mode='custom'><model>qemu64</model><feature policy='disable' name='svm'/></cpu><devices>")),
                "-cpu", "qemu64,-svm,hv-crash");
        assertSequence(argv(domain("<panic model='hyperv'/>").replace("<devices>", "<cpu mode='maximum'/><devices>")),
                "-cpu", "max,hv-crash");
        assertContains(refused(domain("<panic model='hyperv'><address type='isa' iobase='0x505'/></panic>")),
                "setting the panic device address is not supported for model 'hyperv'");
    }

    @Test
    void everyOnCrashActionButRenameRestartIsAccepted() {
        for (String action : List.of("destroy", "restart", "preserve", "coredump-destroy", "coredump-restart")) {
            List<String> argv = argv(domain("<panic/>").replace("<devices>",
                    "<on_crash>" + action + "</on_crash><devices>"));
            assertSequence(argv, "-no-shutdown");
            assertFalse(argv.contains("-action"), "QEMU's default panic action, as libvirt 9.0: " + argv);
        }
        assertContains(refused(domain("").replace("<devices>", "<on_crash>rename-restart</on_crash><devices>")),
                "'rename-restart' action");
    }

    @Test
    void watchdogs() {
        assertSequence(argv(domain("<watchdog model='ib700' action='poweroff'/>")),
                "-device", "ib700,id=watchdog0", "-watchdog-action", "poweroff");
        List<String> argv = argv(domain("<watchdog model='i6300esb'><address type='pci' domain='0x0000' bus='0x00'"
                + " slot='0x03' function='0x0'/></watchdog><memballoon model='virtio'/>"));
        assertSequence(argv, "-device", "virtio-balloon-pci,id=balloon0,bus=pci.0,addr=0x2");
        assertSequence(argv, "-device", "i6300esb,id=watchdog0,bus=pci.0,addr=0x3");
        assertContains(refused(domain("<watchdog model='ib700' action='dump'/>")), "watchdog action 'dump'");
        assertContains(refused(domain("<watchdog model='diag288'/>")), "watchdog model 'diag288'");
    }

    @Test
    void ich9EhciWithItsUhciCompanions() {
        List<String> argv = argv(domain("<controller type='usb' index='0' model='ich9-uhci2'><master startport='2'/>"
                + "<address type='pci' slot='0x04' function='0x1'/></controller>"
                + "<controller type='usb' index='0' model='ich9-ehci1'><address type='pci' slot='0x04' function='0x7'/>"
                + "</controller><controller type='usb' index='0' model='ich9-uhci1'><master startport='0'/>"
                + "<address type='pci' slot='0x04' function='0x0' multifunction='on'/></controller>"
                + "<input type='tablet' bus='usb'><address type='usb' bus='0' port='6'/></input>"));
        // the master first, whatever the XML order
        assertSequence(argv, "-device", "ich9-usb-ehci1,id=usb,bus=pci.0,addr=0x4.0x7",
                "-device", "ich9-usb-uhci2,masterbus=usb.0,firstport=2,bus=pci.0,addr=0x4.0x1",
                "-device", "ich9-usb-uhci1,masterbus=usb.0,firstport=0,bus=pci.0,addr=0x4,multifunction=on");
        assertSequence(argv, "-device", "usb-tablet,id=input0,bus=usb.0,port=6");
        assertContains(refused(domain("<controller type='usb' index='0' model='ich9-uhci1'><master startport='0'/>"
                + "</controller>")), "without an ich9-ehci1 controller 0 as its master");
        assertContains(refused(domain("<controller type='usb' index='0' model='piix3-uhci'><master startport='0'/>"
                + "</controller><controller type='usb' model='ich9-ehci1'/>")), "a USB companion of model 'piix3-uhci'");
    }

    @Test
    void aDmiToPciBridgeCarriesConventionalPciBridgesOnQ35() {
        List<String> argv = argv(domain("<controller type='pci' index='1' model='dmi-to-pci-bridge'>"
                + "<model name='i82801b11-bridge'/><address type='pci' slot='0x1e'/></controller>"
                + "<controller type='pci' index='2' model='pci-bridge'><target chassisNr='56'/></controller>"
                + "<controller type='usb' index='0' model='ich9-ehci1'/><controller type='usb' index='0' model='ich9-uhci3'/>"
                + "<memballoon model='virtio'><address type='pci' bus='0x02' slot='0x01'/></memballoon>")
                .replace("machine='pc'", "machine='q35'"));
        assertSequence(argv, "-device", "i82801b11-bridge,id=pci.1,bus=pcie.0,addr=0x1e",
                "-device", "pci-bridge,chassis_nr=56,id=pci.2,bus=pci.1,addr=0x0");
        assertSequence(argv, "-device", "ich9-usb-uhci3,masterbus=usb.0,firstport=4,bus=pcie.0,addr=0x2");
        assertSequence(argv, "-device", "virtio-balloon-pci,id=balloon0,bus=pci.2,addr=0x1");
        String q35 = "<controller type='pci' index='1' model='%s'/>";
        assertContains(refused(domain(String.format(q35, "pci-bridge")).replace("machine='pc'", "machine='q35'")),
                "a pci-bridge on bus 0 of pc-q35-7.2");
        assertContains(refused(domain(String.format(q35, "dmi-to-pci-bridge"))), "only pci-bridge beyond the root bus");
    }

    @Test
    void thePrimaryVideoComesFirstAndTheBalloonTakesItsOptions() {
        List<String> argv = argv(domain("<video><model type='qxl' heads='3'/></video>"
                + "<video><model type='qxl' heads='1' primary='yes'/></video>"
                + "<memballoon model='virtio' autodeflate='on' freePageReporting='off'/>"));
        assertSequence(argv, "-device", "qxl-vga,id=video0", "-device", "qxl,id=video1,max_outputs=3");
        assertSequence(argv, "-device", "virtio-balloon-pci,id=balloon0,deflate-on-oom=on,free-page-reporting=off");
        assertContains(refused(domain("<video><model type='vga' primary='yes'/></video>"
                + "<video><model type='qxl' primary='yes'/></video>")), "more than one primary video");
        assertContains(refused(domain("<memballoon model='none' autodeflate='on'/>")), "memballoon model 'none'");
        assertContains(refused(domain("<memballoon model='virtio' autodeflate='yes'/>")), "memballoon autodeflate 'yes'");
    }

    @Test
    void bridgedNicsAreTapsQemuOpensByTheNameTheDriverChose() {
        List<String> argv = argv(domain("<interface type='bridge'><mac address='52:54:00:00:00:07'/>"
                + "<source bridge='br0'/><target dev='vnet3'/><model type='virtio'/></interface>"
                + "<interface type='network'><mac address='52:54:00:00:00:08'/><source network='lan'/>"
                + "<target dev='my,tap'/></interface>"));
        assertSequence(argv, "-netdev", "tap,id=hostnet0,ifname=vnet3,script=no,downscript=no");
        assertSequence(argv, "-device", "virtio-net-pci,netdev=hostnet0,id=net0,mac=52:54:00:00:00:07");
        assertSequence(argv, "-netdev", "tap,id=hostnet1,ifname=my,,tap,script=no,downscript=no");
    }

    @Test
    void escapesCommas() {
        assertEquals("a,,b,,,,c", QemuEscaping.escape("a,b,,c"));
    }

    private static void assertContains(VirtException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static void assertSequence(List<String> argv, String... expected) {
        if (Collections.indexOfSubList(argv, List.of(expected)) < 0) {
            throw new AssertionError("argv lacks " + List.of(expected) + "\nargv: " + argv);
        }
    }
}

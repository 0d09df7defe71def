package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainEventDetail;
import io.jvirt.DomainModification;
import io.jvirt.DomainMetadataType;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Network;
import io.jvirt.StoragePool;
import io.jvirt.StorageVolume;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Read-only connections: every call that changes something is refused with
 * {@code OPERATION_DENIED} and libvirt's wording, "operation forbidden: read only access
 * prevents virXxx", in the API's error domain (Domain Config, Network Driver, Storage Driver),
 * and nothing changes; reading works.
 */
public abstract class ReadOnlyTck extends TckSupport {

    protected ReadOnlyTck(DriverTck tck) {
        super(tck);
    }

    /** One refused call: what it is, the libvirt API it names, the error domain, the call. */
    private record Refusal(String what, String api, ErrorDomain domain, Executable call) {
    }

    private Connection ro;

    /** A domain seen through the read-only connection: ours if state is shared, else any. */
    private Domain roDomain(String name) {
        try {
            return ro.lookupDomainByName(name);
        } catch (VirtException e) {
            List<Domain> all = ro.listAllDomains();
            Assumptions.assumeFalse(all.isEmpty(), "the read-only connection sees no domain");
            return all.get(0);
        }
    }

    private static String probe(Supplier<?> read) {
        try {
            return String.valueOf(read.get());
        } catch (VirtException e) {
            return "error " + e.code();
        }
    }

    /** What a read-only user can see of the state; must be the same before and after a refusal. */
    private Map<String, String> snapshot(Domain d, Network net, StoragePool pool) {
        Map<String, String> s = new TreeMap<>();
        s.put("domains", probe(() -> names(ro.listAllDomains()).stream().sorted().toList()));
        s.put("state", probe(d::state));
        s.put("id", probe(d::id));
        s.put("persistent", probe(d::isPersistent));
        s.put("autostart", probe(d::autostart));
        s.put("managedsave", probe(d::hasManagedSaveImage));
        // not cpu time: it runs on
        s.put("info", probe(() -> {
            var i = d.info();
            return i.state() + " " + i.maxMemory() + " " + i.memory() + " " + i.vcpus();
        }));
        s.put("xml", probe(() -> d.xml(DomainXmlFlag.INACTIVE)));
        s.put("networks", probe(() -> ro.listAllNetworks().stream().map(n -> n.name() + "=" + probe(n::isActive))
                .sorted().toList()));
        s.put("pools", probe(() -> ro.listAllStoragePools().stream().map(p -> p.name() + "=" + probe(p::isActive))
                .sorted().toList()));
        if (net != null) {
            s.put("net.autostart", probe(net::autostart));
        }
        if (pool != null) {
            s.put("pool.autostart", probe(pool::autostart));
            s.put("pool.volumes", probe(() -> pool.listAllVolumes().stream().map(StorageVolume::name).sorted().toList()));
        }
        return s;
    }

    private static <T> T firstOrNull(Supplier<List<T>> list) {
        try {
            List<T> all = list.get();
            return all.isEmpty() ? null : all.get(0);
        } catch (VirtException e) {
            return null;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyChangeIsRefused() {
        Domain mine = startNew("readonly");
        ro = closeLater(tck.openReadOnlyConnection());
        assertTrue(ro.isReadOnly(), "openReadOnlyConnection() gives a read-only connection");
        Domain d = roDomain(mine.name());
        Network net = firstOrNull(ro::listAllNetworks);
        StoragePool pool = firstOrNull(ro::listAllStoragePools);
        StorageVolume vol = pool == null ? null : firstOrNull(pool::listAllVolumes);
        String domainXml = tck.domainXml(name("rodefined"));
        String netXml = "<network><name>" + name("ronet") + "</name></network>";
        String poolXml = "<pool type='dir'><name>" + name("ropool") + "</name><target><path>/tmp/"
                + name("ropool") + "</path></target></pool>";
        String volXml = "<volume><name>tck-ro.img</name><capacity>1048576</capacity></volume>";
        String disk = "<disk type='file' device='disk'><source file='/tmp/tck-ro.img'/>"
                + "<target dev='vdz' bus='virtio'/></disk>";

        List<Refusal> refusals = new ArrayList<>(List.of(
                new Refusal("defineDomain", "virDomainDefineXML", ErrorDomain.DOMAIN, () -> ro.defineDomain(domainXml)),
                new Refusal("createDomain", "virDomainCreateXML", ErrorDomain.DOMAIN, () -> ro.createDomain(domainXml)),
                new Refusal("restoreDomain", "virDomainRestore", ErrorDomain.DOMAIN, () -> ro.restoreDomain(tmp.resolve("ro.save"))),
                new Refusal("domainXmlFromNative", "virConnectDomainXMLFromNative", ErrorDomain.DOMAIN,
                        () -> ro.domainXmlFromNative("xen-xl", "name = \"x\"\n")),
                new Refusal("domainXmlToNative", "virConnectDomainXMLToNative", ErrorDomain.DOMAIN,
                        () -> ro.domainXmlToNative("xen-xl", domainXml)),
                new Refusal("start", "virDomainCreate", ErrorDomain.DOMAIN, () -> d.start()),
                new Refusal("shutdown", "virDomainShutdown", ErrorDomain.DOMAIN, () -> d.shutdown()),
                new Refusal("reboot", "virDomainReboot", ErrorDomain.DOMAIN, () -> d.reboot()),
                new Refusal("reset", "virDomainReset", ErrorDomain.DOMAIN, d::reset),
                new Refusal("destroy", "virDomainDestroy", ErrorDomain.DOMAIN, () -> d.destroy()),
                new Refusal("suspend", "virDomainSuspend", ErrorDomain.DOMAIN, d::suspend),
                new Refusal("resume", "virDomainResume", ErrorDomain.DOMAIN, d::resume),
                new Refusal("undefine", "virDomainUndefine", ErrorDomain.DOMAIN, () -> d.undefine()),
                new Refusal("save", "virDomainSave", ErrorDomain.DOMAIN, () -> d.save(tmp.resolve("ro2.save"))),
                new Refusal("managedSave", "virDomainManagedSave", ErrorDomain.DOMAIN, () -> d.managedSave()),
                new Refusal("removeManagedSaveImage", "virDomainManagedSaveRemove", ErrorDomain.DOMAIN,
                        d::removeManagedSaveImage),
                new Refusal("setMemory", "virDomainSetMemory", ErrorDomain.DOMAIN, () -> d.setMemory(65536)),
                new Refusal("setMemory CONFIG", "virDomainSetMemoryFlags", ErrorDomain.DOMAIN,
                        () -> d.setMemory(65536, DomainModification.CONFIG)),
                new Refusal("setMaxMemory", "virDomainSetMaxMemory", ErrorDomain.DOMAIN, () -> d.setMaxMemory(262144)),
                new Refusal("setVcpus", "virDomainSetVcpus", ErrorDomain.DOMAIN, () -> d.setVcpus(1)),
                new Refusal("setMetadata", "virDomainSetMetadata", ErrorDomain.DOMAIN,
                        () -> d.setMetadata(DomainMetadataType.TITLE, "changed", null, null)),
                new Refusal("setAutostart", "virDomainSetAutostart", ErrorDomain.DOMAIN, () -> d.setAutostart(true)),
                new Refusal("attachDevice", "virDomainAttachDevice", ErrorDomain.DOMAIN, () -> d.attachDevice(disk)),
                new Refusal("detachDevice", "virDomainDetachDevice", ErrorDomain.DOMAIN, () -> d.detachDevice(disk)),
                new Refusal("defineNetwork", "virNetworkDefineXML", ErrorDomain.NETWORK, () -> ro.defineNetwork(netXml)),
                new Refusal("createNetwork", "virNetworkCreateXML", ErrorDomain.NETWORK, () -> ro.createNetwork(netXml)),
                new Refusal("defineStoragePool", "virStoragePoolDefineXML", ErrorDomain.STORAGE,
                        () -> ro.defineStoragePool(poolXml)),
                new Refusal("createStoragePool", "virStoragePoolCreateXML", ErrorDomain.STORAGE,
                        () -> ro.createStoragePool(poolXml))));
        if (net != null) {
            refusals.addAll(List.of(
                    new Refusal("network start", "virNetworkCreate", ErrorDomain.NETWORK, net::start),
                    new Refusal("network destroy", "virNetworkDestroy", ErrorDomain.NETWORK, net::destroy),
                    new Refusal("network undefine", "virNetworkUndefine", ErrorDomain.NETWORK, net::undefine),
                    new Refusal("network setAutostart", "virNetworkSetAutostart", ErrorDomain.NETWORK,
                            () -> net.setAutostart(true))));
        }
        if (pool != null) {
            refusals.addAll(List.of(
                    new Refusal("pool build", "virStoragePoolBuild", ErrorDomain.STORAGE, () -> pool.build()),
                    new Refusal("pool start", "virStoragePoolCreate", ErrorDomain.STORAGE, () -> pool.start()),
                    new Refusal("pool destroy", "virStoragePoolDestroy", ErrorDomain.STORAGE, pool::destroy),
                    new Refusal("pool delete", "virStoragePoolDelete", ErrorDomain.STORAGE, pool::delete),
                    new Refusal("pool refresh", "virStoragePoolRefresh", ErrorDomain.STORAGE, pool::refresh),
                    new Refusal("pool undefine", "virStoragePoolUndefine", ErrorDomain.STORAGE, pool::undefine),
                    new Refusal("pool setAutostart", "virStoragePoolSetAutostart", ErrorDomain.STORAGE,
                            () -> pool.setAutostart(true)),
                    new Refusal("createVolume", "virStorageVolCreateXML", ErrorDomain.STORAGE, () -> pool.createVolume(volXml)),
                    new Refusal("createVolume as", "virStorageVolCreateXML", ErrorDomain.STORAGE,
                            () -> pool.createVolume("tck-ro.img", 1 << 20, "raw"))));
        }
        if (vol != null) {
            refusals.addAll(List.of(
                    new Refusal("createVolumeFrom", "virStorageVolCreateXMLFrom", ErrorDomain.STORAGE,
                            () -> pool.createVolumeFrom(volXml, vol)),
                    new Refusal("volume delete", "virStorageVolDelete", ErrorDomain.STORAGE, () -> vol.delete()),
                    new Refusal("volume resize", "virStorageVolResize", ErrorDomain.STORAGE, () -> vol.resize(1L << 30)),
                    new Refusal("volume wipe", "virStorageVolWipe", ErrorDomain.STORAGE, vol::wipe)));
        }

        Map<String, String> before = snapshot(d, net, pool);
        return refusals.stream().map(r -> DynamicTest.dynamicTest(r.what() + " → " + r.api(), () -> {
            VirtException e = assertThrows(VirtException.class, r.call(), r.what() + " on a read-only connection");
            assertEquals(ErrorCode.OPERATION_DENIED, e.code(), () -> "code; message \"" + e.getMessage() + "\"");
            assertEquals("operation forbidden: read only access prevents " + r.api(), e.getMessage());
            assertEquals(r.domain(), e.domain(), "error domain");
            assertEquals(before, snapshot(d, net, pool), "nothing changed");
        }));
    }

    @Test
    void readingWorks() {
        Domain mine = startNew("roread");
        ro = closeLater(tck.openReadOnlyConnection());
        assertTrue(ro.isReadOnly());
        Domain d = roDomain(mine.name());

        assertTrue(names(ro.listAllDomains()).contains(d.name()));
        assertEquals(d.uuid(), ro.lookupDomainByName(d.name()).uuid());
        assertEquals(d.name(), ro.lookupDomainByUuid(d.uuid()).name());
        assertEquals(d.state().state(), d.info().state());
        assertEquals(d.isActive(), d.id() > 0);
        assertEquals(d.name(), TckXml.text(TckXml.parse(d.xml()), "/domain/name"));
        assertEquals(d.uuid().toString(), TckXml.text(TckXml.parse(d.xml(DomainXmlFlag.INACTIVE)), "/domain/uuid"));
        if (d.name().equals(mine.name())) {
            assertEquals(mine.state(), d.state(), "both connections see the same state");
            assertEquals(mine.id(), d.id());
            assertEquals(mine.isPersistent(), d.isPersistent());
        }
    }

    @Test
    void xmlWithSecretsIsRefused() {
        Domain mine = defineNew("rosecure");
        ro = closeLater(tck.openReadOnlyConnection());
        Domain d = roDomain(mine.name());

        VirtException e = assertVirtError(ErrorCode.OPERATION_DENIED, () -> d.xml(DomainXmlFlag.SECURE));

        assertEquals("operation forbidden: virDomainGetXMLDesc with secure flag", e.getMessage());
    }

    @Test
    void aReadOnlyConnectionCanWatchEvents() throws Exception {
        Assumptions.assumeTrue(tck.connectionsShareState(), "the driver's connections do not share state");
        ro = closeLater(tck.openReadOnlyConnection());
        EventRecorder events = new EventRecorder(eventTimeout());
        closeLater(ro.onDomainEvent(events));

        Domain d = defineNew("roevents");
        d.start();

        assertEquals(List.of(DomainEventDetail.Defined.ADDED, DomainEventDetail.Started.BOOTED),
                events.details(d.name(), 2));
    }

    @Test
    void refusedDefinitionsDefineNothing() {
        ro = closeLater(tck.openReadOnlyConnection());
        String name = name("ronothing");
        UUID uuid = UUID.randomUUID();

        assertVirtError(ErrorCode.OPERATION_DENIED, () -> ro.defineDomain(xml(name, uuid)));
        assertVirtError(ErrorCode.OPERATION_DENIED, () -> ro.createDomain(xml(name, uuid)));

        assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByName(name));
        assertVirtError(ErrorCode.NO_DOMAIN, () -> ro.lookupDomainByUuid(uuid));
    }
}

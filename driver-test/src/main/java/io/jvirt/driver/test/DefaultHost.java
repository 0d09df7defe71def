package io.jvirt.driver.test;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.jvirt.DomainStateReason;
import io.jvirt.SecurityModel;
import io.jvirt.spi.ObjectRegistry;
import io.jvirt.xml.LibvirtXml;
import io.jvirt.xml.NodeDef;
import io.jvirt.xml.PoolTargetDef;
import io.jvirt.xml.StoragePoolDef;
import io.jvirt.xml.NetworkDefaults;
import io.jvirt.xml.StoragePoolDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * libvirt 9.0's {@code test:///default} host: the node document libvirt builds in
 * (default-node.xml: domain {@code test} running with id 1, network {@code default}, interface
 * {@code eth1}, pool {@code default-pool}, four node devices), two NUMA cells of 8 CPUs, its
 * capabilities and sysinfo documents.
 *
 * <p>The objects are registered with the names and UUIDs below and their XML is bound only
 * when first needed: a short jvirsh run that lists domains then never starts XML binding,
 * which would cost it most of its time. DefaultHostTest checks these facts against the document.
 */
final class DefaultHost {
    // Read on first use: most short runs need none of them.
    private static final Supplier<String> CAPABILITIES = Suppliers.memoize(() -> resource("capabilities.xml"));
    private static final Supplier<String> SYSINFO = Suppliers.memoize(() -> resource("sysinfo.xml"));
    private static final Supplier<String> NODE = Suppliers.memoize(() -> resource("default-node.xml"));
    /** The {@code <secmodel>} of capabilities.xml, without reading it (dominfo asks every time). */
    static final SecurityModel SECURITY_MODEL = new SecurityModel("testSecurity", "");

    private DefaultHost() {
    }

    static TestHost create() {
        List<TestHost.NumaCell> cells = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cells.add(new TestHost.NumaCell((i + 1) * 2048L * 1024, (i + 1) * 1024L * 1024, 8));
        }
        // One parse serves every object of this host, whichever asks first.
        Supplier<NodeDef> node = Suppliers.memoize(() -> LibvirtXml.parseNode(NODE.get()));

        Map<String, TestInterface> ifaces = new LinkedHashMap<>();
        ifaces.put("eth1", new TestInterface("eth1", "aa:bb:cc:dd:ee:ff",
                () -> node.get().getInterfaces().get(0), true));
        Map<String, TestNodeDevice> devices = new LinkedHashMap<>();
        String[] deviceNames = {"computer", "scsi_host1", "scsi_host2", "scsi_host11"};
        for (int i = 0; i < deviceNames.length; i++) {
            int index = i;
            devices.put(deviceNames[i], new TestNodeDevice(deviceNames[i], () -> node.get().getDevices().get(index)));
        }
        TestHost host = new TestHost(NodeFileLoader.DEFAULT_NODE_INFO, cells, ifaces, devices, Map.of());

        DomainConfig test = DomainConfig.lazy("test", UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"), () -> {
            DomainConfig c = DomainConfig.of(node.get().getDomains().get(0));
            c.generateInterfaceNames();
            return c;
        });
        TestDomain domain = new TestDomain(test);
        domain.setPersistent(true);
        register(host.domains.add(domain), "test");
        synchronized (domain) {
            int id = host.allocateDomainId();
            domain.started(id, DomainStateReason.Running.UNKNOWN); // libvirt: runstate set, reason 0
            host.domains.setId(domain, -1, id);
        }

        TestNetwork network = new TestNetwork("default", UUID.fromString("dd8fe884-6c02-601e-7551-cca97df1c5df"),
                () -> NetworkDefaults.complete(node.get().getNetworks().get(0)), true);
        network.setActive(true);
        if (!host.networks.add(network)) {
            throw new IllegalStateException("the default host holds its network twice");
        }

        StoragePoolDef pool = new StoragePoolDef("dir", "default-pool");
        pool.setUuid("dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566");
        pool.setTarget(new PoolTargetDef("/default-pool"));
        TestStorage.add(host, StoragePoolDefaults.complete(pool), true).setActive(true);
        return host;
    }

    private static void register(ObjectRegistry.Conflict conflict, String name) {
        if (conflict != ObjectRegistry.Conflict.NONE) {
            throw new IllegalStateException("the default host holds " + name + " twice");
        }
    }

    static String capabilities() {
        return CAPABILITIES.get();
    }

    static String sysinfo() {
        return SYSINFO.get();
    }

    private static String resource(String name) {
        try (InputStream in = DefaultHost.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.jvirt.driver.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * libvirt 9.0's {@code test:///default} host: the node document libvirt builds in
 * (default-node.xml: domain {@code test}, network {@code default}, interface {@code eth1}, pool
 * {@code default-pool}, four node devices), two NUMA cells of 8 CPUs, its capabilities and
 * sysinfo documents.
 */
final class DefaultHost {
    private static final String CAPABILITIES = resource("capabilities.xml");
    private static final String SYSINFO = resource("sysinfo.xml");
    private static final String NODE = resource("default-node.xml");

    private DefaultHost() {
    }

    static TestHost create() {
        List<TestHost.NumaCell> cells = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cells.add(new TestHost.NumaCell((i + 1) * 2048L * 1024, (i + 1) * 1024L * 1024, 8));
        }
        return NodeFileLoader.fromDocument(NODE, cells);
    }

    static String capabilities() {
        return CAPABILITIES;
    }

    static String sysinfo() {
        return SYSINFO;
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

package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A daemon on a temporary socket plus the clients a test opened, all closed together. */
final class TestDaemon implements AutoCloseable {
    final XenstoreDaemon daemon;
    final Path socket;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private XenstoreClient admin;

    TestDaemon(Path dir) throws IOException {
        this(dir, b -> { });
    }

    TestDaemon(Path dir, Consumer<XenstoreDaemon.Builder> config) throws IOException {
        socket = dir.resolve("socket");
        XenstoreDaemon.Builder b = XenstoreDaemon.builder().socket(socket);
        config.accept(b);
        daemon = b.build().start();
    }

    RawXs raw() throws IOException {
        return keep(RawXs.connect(socket));
    }

    XenstoreClient client() throws IOException {
        return keep(XenstoreClient.connect(socket));
    }

    /** A privileged client kept for setting things up. */
    XenstoreClient admin() throws IOException {
        if (admin == null) {
            admin = client();
        }
        return admin;
    }

    /** Introduces the domain (as the toolstack would) unless it already is. */
    void introduce(int domid) throws IOException {
        if (!admin().isDomainIntroduced(domid)) {
            admin().introduceDomain(domid, 0x1000L + domid, 1);
        }
    }

    /** A client on the domain's ring, introducing it first. */
    XenstoreClient guest(int domid) throws IOException {
        introduce(domid);
        return keep(XenstoreClient.open(daemon.guestChannel(domid)));
    }

    /** A raw peer on the domain's ring, introducing it first. */
    RawXs rawGuest(int domid) throws IOException {
        introduce(domid);
        return keep(RawXs.over(daemon.guestChannel(domid)));
    }

    /** The committed node, straight from the daemon's tree (null if absent). */
    XsNode node(String path) {
        return daemon.call(s -> s.tree.get(path));
    }

    String value(String path) {
        XsNode n = node(path);
        return n == null ? null : new String(n.value(), StandardCharsets.ISO_8859_1);
    }

    /** Fails if the tree is inconsistent (what CONTROL check verifies). */
    void assertConsistent() {
        assertEquals(List.of(), daemon.call(XsStore::check), "store consistency");
        assertEquals(Integer.valueOf(0), daemon.call(s -> {
            int open = 0;
            for (XsConnection c : s.connections) {
                open += c.transactions.size();
            }
            return s.tree.openSnapshots() - open;
        }), "every open snapshot belongs to an open transaction");
    }

    private <T extends AutoCloseable> T keep(T c) {
        opened.add(c);
        return c;
    }

    @Override
    public void close() throws IOException {
        try {
            for (AutoCloseable c : opened) {
                c.close();
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            daemon.close();
        }
    }
}

package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainInfo;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.Virt;
import io.jvirt.xml.LibvirtXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a host opened afresh on a state directory (as by each jvirsh command) knows: several
 * running guests reconnected at once, and definitions listed from their cached facts, which a
 * hand-edited config invalidates.
 */
class QemuHostReopenIT {
    @TempDir
    Path root;

    @BeforeAll
    static void needQemu() {
        InstalledQemu.require();
    }

    @AfterEach
    void killQemus() {
        QemuEmbedDriverIT.killOurQemus();
    }

    private Connection open() {
        return Virt.open(QemuEmbedDriverIT.uri(root));
    }

    private long pidOf(Domain d) throws Exception {
        return QemuEmbedDriverIT.statusPid(root, d);
    }

    private static String xml(String name, int mib, int vcpus) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>" + mib + "</memory>"
                + "<vcpu>" + vcpus + "</vcpu><os><type machine='pc'>hvm</type></os></domain>";
    }

    @Test
    void severalRunningGuestsComeBackTogetherEachAsItWas() throws Exception {
        int running;
        int paused;
        int transientId;
        List<Long> victims;
        try (Connection c = open()) {
            Domain a = c.defineDomain(xml("a", 64, 1));
            a.start();
            running = a.id();
            Domain b = c.defineDomain(xml("b", 80, 2));
            b.start();
            b.suspend();
            paused = b.id();
            Domain t = c.createDomain(xml("t", 64, 1));
            transientId = t.id();
            Domain gone = c.defineDomain(xml("gone", 64, 1));
            gone.start();
            Domain goneTransient = c.createDomain(xml("gone-t", 64, 1));
            victims = List.of(pidOf(gone), pidOf(goneTransient));
        }
        for (long pid : victims) { // they die while nobody watches
            ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
            p.destroyForcibly();
            p.onExit().join();
        }

        try (Connection c = open()) {
            Domain a = c.lookupDomainByName("a");
            assertEquals(DomainStateInfo.of(DomainStateReason.Running.BOOTED), a.state());
            assertEquals(running, a.id());
            Domain b = c.lookupDomainByName("b");
            assertEquals(DomainStateInfo.of(DomainStateReason.Paused.USER), b.state());
            assertEquals(paused, b.id());
            assertEquals(new DomainInfo(DomainState.PAUSED, 80 * 1024, 80 * 1024, 2, b.info().cpuTimeNs()), b.info());
            assertEquals(transientId, c.lookupDomainByName("t").id());
            assertEquals(DomainStateInfo.of(DomainStateReason.Shutoff.CRASHED), c.lookupDomainByName("gone").state());
            assertFalse(c.listAllDomains().stream().anyMatch(d -> d.name().equals("gone-t")),
                    "a transient guest that died unwatched is gone");
            b.resume(); // each monitor works
            a.suspend();
            assertEquals(DomainState.RUNNING, b.state().state());
            assertEquals(DomainState.PAUSED, a.state().state());
            assertEquals(Integer.valueOf(paused), LibvirtXml.parseDomain(b.xml()).getId(), "the live XML, parsed when asked");
        }
    }

    @Test
    void aHandEditedConfigIsReadAgainNotItsCachedFacts() throws Exception {
        try (Connection c = open()) {
            c.defineDomain(xml("edited", 64, 1));
            c.defineDomain(xml("broken", 64, 1));
        }
        Path facts = root.resolve("cache/qemu/domains/edited.facts");
        assertTrue(Files.exists(facts), "define caches the facts of what it wrote");
        try (Connection c = open()) { // lists both from their cached facts
            assertEquals(64 * 1024, c.lookupDomainByName("edited").info().maxMemory());
            assertEquals("hvm", c.lookupDomainByName("edited").osType());
        }
        Path edited = root.resolve("etc/qemu/edited.xml");
        Files.writeString(edited, Files.readString(edited).replace("<vcpu placement='static'>1</vcpu>",
                "<vcpu placement='static'>3</vcpu>"));
        Path broken = root.resolve("etc/qemu/broken.xml");
        Files.writeString(broken, Files.readString(broken).replace("</domain>", ""));

        try (Connection c = open()) {
            assertEquals(3, c.lookupDomainByName("edited").info().vcpus());
            assertEquals(List.of("edited"), c.listAllDomains().stream().map(Domain::name).toList(),
                    "a config that no longer parses is ignored, as at any load");
        }
    }
}

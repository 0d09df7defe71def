package io.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.NetworkEventType;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk layout of networks and pools, and how a new process reads it back. */
class HostObjectFilesTest {
    /** A network whose XML is just "name uuid"; it "still runs" while its flag file exists. */
    static final class Net extends HostObject {
        Net(String name, UUID uuid, boolean persistent) {
            super(name, uuid, persistent);
        }

        static Net parse(String text, boolean persistent) {
            String[] f = text.split(" ");
            return new Net(f[0], UUID.fromString(f[1]), persistent);
        }

        String xml() {
            return name() + " " + uuid();
        }
    }

    @TempDir
    Path root;

    private final List<String> autostarted = new ArrayList<>();

    private HostObjectList<Net, NetworkEventType, DriverNetworkEvent> list;
    private HostObjectFiles<Net> files;

    private void newProcess() {
        list = HostObjectList.networks(ErrorDomain.NETWORK, n -> new NetworkRef(n.name(), n.uuid()));
        files = new HostObjectFiles<>(list, root.resolve("etc"), root.resolve("run"));
        files.load(new HostObjectFiles.Loader<>() {
            @Override
            public Net parse(String xml, boolean persistent) {
                return Net.parse(xml, persistent);
            }

            @Override
            public boolean resume(Net obj, Net live) {
                return Files.exists(root.resolve("running-" + live.name()));
            }

            @Override
            public void autostart(Net obj) {
                autostarted.add(obj.name());
                list.locked(() -> obj, n -> {
                    files.started(n, n.xml());
                    return null;
                });
            }
        });
    }

    private Net define(String name) {
        Net n = files.addOrFind(new Net(name, UUID.randomUUID(), true));
        synchronized (n) {
            files.writeConfig(n, n.xml());
            list.defined(n);
        }
        return n;
    }

    @Test
    void definitionsLinksAndStatesAreLibvirtsFiles() throws IOException {
        newProcess();
        Net n = define("lan");
        synchronized (n) {
            files.setAutostart(n, true);
            files.started(n, n.xml());
        }

        assertEquals(n.xml(), Files.readString(root.resolve("etc/lan.xml")));
        assertEquals(root.resolve("etc/lan.xml"), Files.readSymbolicLink(root.resolve("etc/autostart/lan.xml")));
        assertEquals(n.xml(), Files.readString(root.resolve("run/lan.xml")));

        synchronized (n) {
            files.stopped(n);
            files.undefine(n);
        }
        assertFalse(Files.exists(root.resolve("run/lan.xml")));
        assertFalse(Files.exists(root.resolve("etc/lan.xml")));
        assertFalse(Files.exists(root.resolve("etc/autostart/lan.xml"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(n.isRemoved());
    }

    @Test
    void aNewProcessFindsWhatRunsAndForgetsWhatStoppedUnseen() throws IOException {
        newProcess();
        Net persistent = define("lan");
        Net transientRunning = files.addOrFind(new Net("tmp", UUID.randomUUID(), false));
        Net transientGone = files.addOrFind(new Net("old", UUID.randomUUID(), false));
        for (Net n : List.of(persistent, transientRunning, transientGone)) {
            synchronized (n) {
                files.started(n, n.xml());
            }
        }
        Files.createFile(root.resolve("running-tmp"));

        newProcess();

        assertTrue(list.byName("tmp").isActive());
        assertFalse(list.byName("tmp").isPersistent());
        assertFalse(list.byName("lan").isActive(), "its state no longer holds");
        assertTrue(list.byName("lan").isPersistent());
        assertThrows(VirtException.class, () -> list.byName("old"));
        assertFalse(Files.exists(root.resolve("run/old.xml")));
        assertFalse(Files.exists(root.resolve("run/lan.xml")));
    }

    @Test
    void autostartHappensOncePerBootOfTheStateDirectory() throws IOException {
        newProcess();
        Net n = define("lan");
        synchronized (n) {
            files.setAutostart(n, true);
        }

        newProcess();
        assertEquals(List.of(), autostarted, "the first process of this boot was the one that defined it");

        Files.delete(root.resolve("run/autostarted")); // a reboot empties the state directory
        newProcess();
        assertEquals(List.of("lan"), autostarted);
        assertTrue(list.byName("lan").isActive());
        assertTrue(list.byName("lan").autostart());

        newProcess();
        assertEquals(List.of("lan"), autostarted);
    }

    @Test
    void anUnreadableFileIsSkippedNotFatal() throws IOException {
        newProcess();
        define("lan");
        Files.writeString(root.resolve("etc/broken.xml"), "no-uuid-here");

        newProcess();

        assertEquals(Set.of("lan"), Set.copyOf(list.all().stream().map(HostObject::name).toList()));
    }

    @Test
    void aTransientObjectHasNoAutostart() {
        newProcess();
        Net n = files.addOrFind(new Net("tmp", UUID.randomUUID(), false));

        VirtException e = assertThrows(VirtException.class, () -> files.setAutostart(n, true));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertEquals(ErrorDomain.NETWORK, e.domain());
        assertEquals("Requested operation is not valid: cannot set autostart for transient network", e.getMessage());
        assertFalse(Files.exists(root.resolve("etc/autostart")));
    }

    @Test
    void aNameThatCannotBeAFileNameIsRefusedBeforeItIsAdded() {
        newProcess();

        VirtException e = assertThrows(VirtException.class,
                () -> files.addOrFind(new Net("a/b", UUID.randomUUID(), true)));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
        assertTrue(list.all().isEmpty());
    }
}

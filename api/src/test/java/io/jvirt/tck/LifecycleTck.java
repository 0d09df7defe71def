package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Domain;
import io.jvirt.DomainInfo;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason.Paused;
import io.jvirt.DomainStateReason.Running;
import io.jvirt.DomainStateReason.Shutoff;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.ListDomainsFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Lifecycle transitions, with the states and reasons libvirt reports for them (reference
 * libvirt.md §3.4, §6.1): define, start, suspend, resume, destroy, save and restore, managed
 * save, transient domains, undefine, shutdown, and ids.
 */
public abstract class LifecycleTck extends TckSupport {

    protected LifecycleTck(DriverTck tck) {
        super(tck);
    }

    @Test
    void defineLeavesAPersistentDomainShutOff() {
        String name = name("define");
        UUID uuid = UUID.randomUUID();
        Domain d = conn.defineDomain(xml(name, uuid));

        assertEquals(name, d.name());
        assertEquals(uuid, d.uuid());
        assertState(Shutoff.UNKNOWN, d);
        assertEquals("shut off (unknown)", d.state().toString());
        assertTrue(d.isPersistent(), "persistent");
        assertFalse(d.isActive(), "active");
        assertEquals(-1, d.id(), "id of an inactive domain");

        DomainInfo info = d.info();
        assertEquals(DomainState.SHUTOFF, info.state());
        assertEquals(TckXml.memoryKiB(tck.domainXml(name)), info.maxMemory(), "max memory, KiB");

        assertTrue(names(conn.listAllDomains(ListDomainsFlag.INACTIVE)).contains(name), "listed inactive");
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.PERSISTENT)).contains(name), "listed persistent");
        assertFalse(names(conn.listAllDomains(ListDomainsFlag.ACTIVE)).contains(name), "listed active");
        assertFalse(names(conn.listAllDomains(ListDomainsFlag.TRANSIENT)).contains(name), "listed transient");

        assertEquals(uuid, conn.lookupDomainByName(name).uuid());
        assertEquals(name, conn.lookupDomainByUuid(uuid).name());
        assertEquals(name, conn.lookupDomainByUuidString(uuid.toString()).name());
        assertEquals(d, conn.lookupDomainByName(name), "handles to one domain are equal");
    }

    @Test
    void everyDomainIsListedOnceWithItsOwnUuid() {
        defineNew("listed1");
        startNew("listed2");
        conn.createDomain(tck.domainXml(name("listed3")));

        List<Domain> all = conn.listAllDomains();
        List<String> names = names(all);
        assertEquals(names.size(), new HashSet<>(names).size(), "names listed once: " + names);
        assertEquals(all.size(), all.stream().map(Domain::uuid).distinct().count(), "UUIDs listed once");
        assertEquals(3, ourNames(conn).size(), "the three new domains: " + ourNames(conn));
        List<String> active = names(conn.listAllDomains(ListDomainsFlag.ACTIVE));
        List<String> inactive = names(conn.listAllDomains(ListDomainsFlag.INACTIVE));
        assertEquals(names.size(), active.size() + inactive.size(), "ACTIVE and INACTIVE partition the list");
    }

    @Test
    void startRunsTheDomainBooted() {
        Domain d = defineNew("start");
        d.start();

        assertState(Running.BOOTED, d);
        assertTrue(d.isActive(), "active");
        assertTrue(d.isPersistent(), "still persistent");
        int id = d.id();
        assertTrue(id > 0, "id of a running domain is positive, was " + id);
        assertEquals(DomainState.RUNNING, d.info().state());
        assertEquals(d.name(), conn.lookupDomainById(id).name());
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.ACTIVE)).contains(d.name()), "listed active");
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.RUNNING)).contains(d.name()), "listed running");
        assertFalse(names(conn.listAllDomains(ListDomainsFlag.INACTIVE)).contains(d.name()), "listed inactive");
    }

    @Test
    void liveXmlOfARunningDomainCarriesItsId() {
        Domain d = startNew("liveid");
        Document live = TckXml.parse(d.xml());
        assertEquals(Integer.toString(d.id()), live.getDocumentElement().getAttribute("id"),
                "<domain id='...'> of the live XML");
        Document inactive = TckXml.parse(d.xml(DomainXmlFlag.INACTIVE));
        assertFalse(inactive.getDocumentElement().hasAttribute("id"), "the inactive XML has no id");
    }

    @Test
    void suspendPausesByUser() {
        Domain d = startNew("suspend");
        int id = d.id();
        d.suspend();

        assertState(Paused.USER, d);
        assertEquals("paused (user)", d.state().toString());
        assertTrue(d.isActive(), "a paused domain is active");
        assertEquals(id, d.id(), "suspend keeps the id");
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.PAUSED)).contains(d.name()), "listed paused");
        assertFalse(names(conn.listAllDomains(ListDomainsFlag.RUNNING)).contains(d.name()), "listed running");
    }

    @Test
    void resumeRunsUnpaused() {
        Domain d = startNew("resume");
        int id = d.id();
        d.suspend();
        d.resume();

        assertState(Running.UNPAUSED, d);
        assertEquals("running (unpaused)", d.state().toString());
        assertEquals(id, d.id(), "resume keeps the id");
    }

    @Test
    void destroyShutsOffDestroyed() {
        Domain d = startNew("destroy");
        d.destroy();

        assertState(Shutoff.DESTROYED, d);
        assertEquals("shut off (destroyed)", d.state().toString());
        assertEquals(-1, d.id());
        assertFalse(d.isActive());
        assertTrue(d.isPersistent(), "a persistent domain survives destroy");
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.INACTIVE)).contains(d.name()), "listed inactive");
    }

    @Test
    void destroyOfAPausedDomainShutsItOff() {
        Domain d = startNew("destroypaused");
        d.suspend();
        d.destroy();
        assertState(Shutoff.DESTROYED, d);
    }

    @Test
    void saveShutsOffSavedAndWritesTheFile() throws Exception {
        Domain d = startNew("save");
        Path file = tmp.resolve(d.name() + ".save");
        d.save(file);

        assertState(Shutoff.SAVED, d);
        assertEquals(-1, d.id());
        assertTrue(Files.isRegularFile(file), "save image " + file + " exists");
        assertTrue(Files.size(file) > 0, "save image is not empty");
    }

    @Test
    void restoreRunsRestoredWithANewId() throws Exception {
        Domain d = startNew("restore");
        int before = d.id();
        Path file = tmp.resolve(d.name() + ".save");
        d.save(file);

        conn.restoreDomain(file);

        Domain back = conn.lookupDomainByName(d.name());
        assertEquals(d.uuid(), back.uuid());
        assertState(Running.RESTORED, back);
        assertEquals("running (restored)", back.state().toString());
        assertTrue(back.id() > 0, "restored domain has an id");
        assertNotEquals(before, back.id(), "ids are not reused");
        assertTrue(back.isPersistent(), "the restored domain is still the persistent one");
    }

    @Test
    void managedSaveShutsOffSavedAndStartRestores() {
        Domain d = startNew("managedsave");
        assertFalse(d.hasManagedSaveImage(), "no image before");

        d.managedSave();

        assertTrue(d.hasManagedSaveImage(), "image after managed save");
        assertState(Shutoff.SAVED, d);
        assertEquals(-1, d.id());
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.MANAGEDSAVE)).contains(d.name()),
                "listed with MANAGEDSAVE");
        assertFalse(names(conn.listAllDomains(ListDomainsFlag.NO_MANAGEDSAVE)).contains(d.name()),
                "listed with NO_MANAGEDSAVE");

        d.start();

        assertState(tck.managedSaveStartReason(), d);
        assertFalse(d.hasManagedSaveImage(), "the image is consumed by start");
        assertTrue(d.id() > 0);
    }

    @Test
    void removingTheManagedSaveImageMakesStartBoot() {
        Domain d = startNew("msremove");
        d.managedSave();
        d.removeManagedSaveImage();

        assertFalse(d.hasManagedSaveImage());
        d.start();
        assertState(Running.BOOTED, d);
    }

    @Test
    void createDomainRunsATransientDomainThatDestroyRemoves() {
        String name = name("create");
        Domain d = conn.createDomain(tck.domainXml(name));

        assertEquals(name, d.name());
        assertState(Running.BOOTED, d);
        assertTrue(d.isActive());
        assertFalse(d.isPersistent(), "created domains are transient");
        assertTrue(d.id() > 0);
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.TRANSIENT)).contains(name), "listed transient");

        d.destroy();

        assertGone(d);
        assertVirtError(ErrorCode.NO_DOMAIN, d::state);
    }

    @Test
    void createDomainOfADefinedDomainStartsTheDefinedOne() {
        String name = name("createdefined");
        UUID uuid = UUID.randomUUID();
        conn.defineDomain(xml(name, uuid));

        Domain d = conn.createDomain(xml(name, uuid));

        assertState(Running.BOOTED, d);
        assertTrue(d.isPersistent(), "it stays persistent");
        d.destroy();
        assertState(Shutoff.DESTROYED, conn.lookupDomainByName(name));
    }

    @Test
    void undefineRemovesAnInactiveDomain() {
        Domain d = defineNew("undefine");
        d.undefine();

        assertGone(d);
    }

    @Test
    void undefineOfARunningDomainMakesItTransientAndDestroyRemovesIt() {
        Domain d = startNew("undefinerunning");
        int id = d.id();
        d.undefine();

        assertState(Running.BOOTED, d);
        assertFalse(d.isPersistent(), "transient after undefine");
        assertTrue(d.isActive());
        assertEquals(id, d.id());
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.TRANSIENT)).contains(d.name()), "listed transient");

        d.destroy();

        assertGone(d);
    }

    @Test
    void redefiningKeepsOneDomainWithTheSameUuid() {
        String name = name("redefine");
        UUID uuid = UUID.randomUUID();
        Domain first = conn.defineDomain(xml(name, uuid));
        Domain second = conn.defineDomain(first.xml(DomainXmlFlag.INACTIVE));

        assertEquals(uuid, second.uuid());
        assertEquals(first, second);
        assertEquals(1, ourNames(conn).stream().filter(name::equals).count(), "listed once");
    }

    @Test
    void idsAreNeverReused() {
        List<Integer> ids = new ArrayList<>();
        Domain d = defineNew("ids");
        for (int i = 0; i < 4; i++) {
            d.start();
            ids.add(d.id());
            d.destroy();
        }
        for (int i = 0; i < 3; i++) {
            Domain t = conn.createDomain(tck.domainXml(name("idst" + i)));
            ids.add(t.id());
            t.destroy();
        }
        Path file = tmp.resolve("ids.save");
        d.start();
        ids.add(d.id());
        d.save(file);
        conn.restoreDomain(file);
        ids.add(conn.lookupDomainByName(d.name()).id());

        assertTrue(ids.stream().allMatch(id -> id > 0), "ids are positive: " + ids);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are never reused: " + ids);
    }

    @Test
    void shutdownEventuallyShutsOff() throws Exception {
        Domain d = startNewWithGuestOs("shutdown");
        d.shutdown();

        DomainStateInfo reached = awaitState(d, DomainState.SHUTOFF);

        assertEquals(DomainStateInfo.of(Shutoff.SHUTDOWN), reached);
        assertEquals(-1, d.id());
        assertTrue(d.isPersistent());
    }

    @Test
    void autostartIsRemembered() {
        Domain d = defineNew("autostart");
        assertFalse(d.autostart(), "off by default");
        d.setAutostart(true);
        assertTrue(d.autostart());
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.AUTOSTART)).contains(d.name()), "listed AUTOSTART");
        d.setAutostart(false);
        assertFalse(d.autostart());
        assertTrue(names(conn.listAllDomains(ListDomainsFlag.NO_AUTOSTART)).contains(d.name()), "listed NO_AUTOSTART");
    }
}

package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Domain;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason.Running;
import io.jvirt.DomainStateReason.Shutoff;
import io.jvirt.DomainUndefineFlag;
import io.jvirt.DomainXmlFlag;
import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Error codes and messages. Where libvirt's shared code decides the wording (the object list in
 * {@code conf/virdomainobjlist.c}, the domain parser in {@code conf/domain_conf.c},
 * {@code virDomainObjCheckActive}) the TCK asserts it verbatim; where drivers word things their
 * own way it asserts the code and the stable part, and the hooks in {@link DriverTck} say more.
 */
public abstract class ErrorsTck extends TckSupport {

    protected ErrorsTck(DriverTck tck) {
        super(tck);
    }

    private static void assertNotFound(VirtException e) {
        assertTrue(e.getMessage().startsWith("Domain not found"), () -> "message: " + e.getMessage());
    }

    // ---- lookups ----

    @Test
    void lookupOfAnUnknownNameIsNoDomain() {
        assertNotFound(assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByName(name("nosuch"))));
    }

    @Test
    void lookupOfAnUnknownUuidIsNoDomain() {
        UUID uuid = UUID.randomUUID();
        assertNotFound(assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByUuid(uuid)));
        assertNotFound(assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByUuidString(uuid.toString())));
    }

    @Test
    void lookupOfAnUnknownIdIsNoDomain() {
        Domain d = startNew("staleid");
        int id = d.id();
        d.destroy();
        assertNotFound(assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainById(id)));
        assertNotFound(assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainById(Integer.MAX_VALUE)));
    }

    // ---- wrong states ----

    private void assertWrongState(WrongStateCall call, Domain d, Executable action) {
        DomainStateInfo before = d.state();
        int id = d.id();
        assertVirtError(tck.wrongStateError(call, d.name()), call + " of " + d.name(), action);
        assertEquals(before, d.state(), "a refused call changes nothing");
        assertEquals(id, d.id(), "a refused call changes nothing (id)");
    }

    @Test
    void startOfARunningDomainFails() {
        Domain d = startNew("startrunning");
        assertWrongState(WrongStateCall.START_RUNNING, d, d::start);
        assertState(Running.BOOTED, d);
    }

    @Test
    void suspendOfAShutOffDomainFails() {
        Domain d = defineNew("suspendoff");
        assertWrongState(WrongStateCall.SUSPEND_SHUT_OFF, d, d::suspend);
        assertState(Shutoff.UNKNOWN, d);
    }

    @Test
    void resumeOfARunningDomainFails() {
        Domain d = startNew("resumerunning");
        assertWrongState(WrongStateCall.RESUME_RUNNING, d, d::resume);
        assertState(Running.BOOTED, d);
    }

    @Test
    void resumeOfAShutOffDomainFails() {
        Domain d = defineNew("resumeoff");
        assertWrongState(WrongStateCall.RESUME_SHUT_OFF, d, d::resume);
    }

    @Test
    void shutdownOfAShutOffDomainFails() {
        Domain d = defineNew("shutdownoff");
        assertWrongState(WrongStateCall.SHUTDOWN_SHUT_OFF, d, () -> d.shutdown());
    }

    @Test
    void destroyOfAShutOffDomainIsOperationInvalid() {
        Domain d = startNew("destroyoff");
        d.destroy();
        assertWrongState(WrongStateCall.DESTROY_SHUT_OFF, d, () -> d.destroy());
        assertState(Shutoff.DESTROYED, d);
    }

    @Test
    void managedSaveOfATransientDomainIsOperationInvalid() {
        Domain d = conn.createDomain(tck.domainXml(name("mstransient")));
        VirtException e = assertVirtError(ErrorCode.OPERATION_INVALID, () -> d.managedSave());
        assertEquals("Requested operation is not valid: cannot do managed save for transient domain", e.getMessage());
        assertState(Running.BOOTED, d);
    }

    @Test
    void undefineWithAManagedSaveImageNeedsTheFlag() {
        Domain d = startNew("msundefine");
        d.managedSave();

        VirtException e = assertVirtError(ErrorCode.OPERATION_INVALID, () -> d.undefine());
        assertEquals("Requested operation is not valid: Refusing to undefine while domain managed save image exists",
                e.getMessage());
        assertTrue(d.hasManagedSaveImage(), "still has its image");
        assertTrue(d.isPersistent(), "still defined");

        d.undefine(DomainUndefineFlag.MANAGED_SAVE);
        assertGone(d);
    }

    // ---- definitions that clash ----

    @Test
    void definingAnExistingNameWithAnotherUuidIsOperationFailed() {
        String name = name("clashname");
        UUID uuid = UUID.randomUUID();
        conn.defineDomain(xml(name, uuid));

        VirtException e = assertVirtError(ErrorCode.OPERATION_FAILED,
                () -> conn.defineDomain(xml(name, UUID.randomUUID())));

        assertEquals("operation failed: domain '" + name + "' already exists with uuid " + uuid, e.getMessage());
        assertEquals(uuid, conn.lookupDomainByName(name).uuid(), "the existing domain is untouched");
        assertEquals(1, ourNames(conn).stream().filter(name::equals).count());
    }

    @Test
    void definingAnExistingUuidWithAnotherNameIsOperationFailed() {
        String name = name("clashuuid");
        String other = name("clashuuid2");
        UUID uuid = UUID.randomUUID();
        conn.defineDomain(xml(name, uuid));

        VirtException e = assertVirtError(ErrorCode.OPERATION_FAILED, () -> conn.defineDomain(xml(other, uuid)));

        assertEquals("operation failed: domain '" + name + "' is already defined with uuid " + uuid, e.getMessage());
        assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByName(other));
        assertEquals(name, conn.lookupDomainByUuid(uuid).name());
    }

    @Test
    void creatingADomainThatIsAlreadyActiveIsOperationInvalid() {
        String name = name("createactive");
        UUID uuid = UUID.randomUUID();
        Domain d = conn.defineDomain(xml(name, uuid));
        d.start();
        int id = d.id();

        VirtException e = assertVirtError(ErrorCode.OPERATION_INVALID, () -> conn.createDomain(xml(name, uuid)));

        assertEquals("Requested operation is not valid: domain '" + name + "' is already active", e.getMessage());
        assertEquals(id, d.id());
    }

    // ---- bad XML ----

    private void assertNothingDefined(String name, int before) {
        assertVirtError(ErrorCode.NO_DOMAIN, () -> conn.lookupDomainByName(name));
        assertEquals(before, conn.listAllDomains().size(), "no domain was added");
    }

    @Test
    void malformedXmlDefinesNothing() {
        String name = name("malformed");
        String good = tck.domainXml(name);
        String bad = good.substring(0, good.lastIndexOf("</domain>")) + "<devices>";
        int before = conn.listAllDomains().size();

        assertVirtError(tck.malformedXmlError(), "define of malformed XML", () -> conn.defineDomain(bad));
        assertVirtError(tck.malformedXmlError(), "create of malformed XML", () -> conn.createDomain(bad));
        assertVirtError(tck.malformedXmlError(), "define of a non-XML text", () -> conn.defineDomain("not xml at all"));

        assertNothingDefined(name, before);
    }

    @Test
    void xmlWithoutMemoryIsXmlErrorAndDefinesNothing() {
        String name = name("nomemory");
        String bad = TckXml.without(TckXml.without(tck.domainXml(name), "memory"), "currentMemory");
        int before = conn.listAllDomains().size();

        VirtException e = assertVirtError(ErrorCode.XML_ERROR, () -> conn.defineDomain(bad));

        assertEquals("XML error: Memory size must be specified via <memory> or in the <numa> configuration",
                e.getMessage());
        assertNothingDefined(name, before);
    }

    @Test
    void xmlWithANonNumericVcpuCountIsXmlErrorAndDefinesNothing() {
        String name = name("badvcpu");
        String bad = TckXml.replace(tck.domainXml(name), "vcpu", "<vcpu>x</vcpu>");
        int before = conn.listAllDomains().size();

        VirtException e = assertVirtError(ErrorCode.XML_ERROR, () -> conn.defineDomain(bad));

        assertEquals("XML error: maximum vcpus count must be an integer", e.getMessage());
        assertNothingDefined(name, before);
    }

    @Test
    void badXmlLeavesAnExistingDefinitionAlone() {
        String name = name("badredefine");
        UUID uuid = UUID.randomUUID();
        Domain d = conn.defineDomain(xml(name, uuid));
        String before = d.xml(DomainXmlFlag.INACTIVE);

        String bad = TckXml.replace(xml(name, uuid), "vcpu", "<vcpu>x</vcpu>");
        assertVirtError(ErrorCode.XML_ERROR, () -> conn.defineDomain(bad));

        assertEquals(before, d.xml(DomainXmlFlag.INACTIVE));
    }

    // ---- stale handles ----

    @Test
    void aHandleToAnUndefinedDomainAnswersNoDomain() {
        Domain d = defineNew("stale");
        Domain other = conn.lookupDomainByName(d.name());
        other.undefine();

        String expected = tck.noDomainMessage(d.name(), d.uuid());
        for (Executable call : List.<Executable>of(d::state, d::info, () -> d.xml(), d::start, () -> d.destroy(),
                d::suspend, d::resume, () -> d.undefine(), d::isActive, d::isPersistent)) {
            VirtException e = assertVirtError(ErrorCode.NO_DOMAIN, call);
            assertEquals(expected, e.getMessage());
        }
    }

    // ---- closed connections ----

    @Test
    void callsAfterCloseAreInvalidConnection() {
        Domain d = defineNew("closed");
        conn.close();
        conn.close(); // harmless

        VirtException e = assertVirtError(ErrorCode.INVALID_CONN, () -> conn.listAllDomains());
        assertEquals("invalid connection pointer in virConnectListAllDomains", e.getMessage());
        assertVirtError(ErrorCode.INVALID_CONN, () -> conn.lookupDomainByName(d.name()));
        assertVirtError(ErrorCode.INVALID_CONN, d::state);
        assertVirtError(ErrorCode.INVALID_CONN, d::start);
    }
}

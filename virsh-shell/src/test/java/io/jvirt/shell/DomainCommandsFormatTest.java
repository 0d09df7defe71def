package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.DomainInfo;
import io.jvirt.DomainModification;
import io.jvirt.DomainState;
import io.jvirt.DomainStateInfo;
import io.jvirt.DomainStateReason;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.ListDomainsFlag;
import io.jvirt.SecurityModel;
import io.jvirt.VirtException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domain commands' output for given API answers, checked against virsh 9.0's layout. */
class DomainCommandsFormatTest {
    private Connection conn;

    @BeforeEach
    void connection() {
        conn = mock(Connection.class);
        when(conn.isAlive()).thenReturn(true);
        when(conn.securityModel()).thenReturn(SecurityModel.NONE);
        when(conn.lookupDomainByName(anyString())).thenThrow(
                new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching name"));
        when(conn.lookupDomainById(anyInt())).thenThrow(
                new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching id"));
    }

    private Domain domain(String name, int id, DomainStateReason reason) {
        Domain d = mock(Domain.class);
        when(d.name()).thenReturn(name);
        when(d.id()).thenReturn(id);
        when(d.uuid()).thenReturn(UUID.nameUUIDFromBytes(name.getBytes()));
        when(d.state()).thenReturn(DomainStateInfo.of(reason));
        org.mockito.Mockito.doReturn(d).when(conn).lookupDomainByName(name);
        return d;
    }

    @Test
    void listSortsRunningByIdThenTheRestByNameCaseInsensitively() {
        Domain b = domain("beta", -1, DomainStateReason.Shutoff.SHUTDOWN);
        Domain a = domain("Alpha", -1, DomainStateReason.Shutoff.DESTROYED);
        Domain r2 = domain("web", 7, DomainStateReason.Running.BOOTED);
        Domain r1 = domain("db", 2, DomainStateReason.Paused.USER);
        when(conn.listAllDomains(any(ListDomainsFlag[].class))).thenReturn(List.of(b, a, r2, r1));
        ShellRunner.Result r = ShellRunner.run(conn, "list", "--all");
        assertEquals(" Id   Name    State\n"
                + "------------------------\n"
                + " 2    db      paused\n"
                + " 7    web     running\n"
                + " -    Alpha   shut off\n"
                + " -    beta    shut off\n"
                + "\n", r.out());
        assertEquals(0, r.status());
        verify(conn).listAllDomains(ListDomainsFlag.ACTIVE, ListDomainsFlag.INACTIVE);
    }

    @Test
    void listFiltersMapOntoTheApiFlags() {
        when(conn.listAllDomains(any(ListDomainsFlag[].class))).thenReturn(List.of());
        ShellRunner.run(conn, "list", "--state-shutoff", "--persistent", "--with-managed-save", "--no-autostart");
        verify(conn).listAllDomains(ListDomainsFlag.INACTIVE, ListDomainsFlag.PERSISTENT,
                ListDomainsFlag.SHUTOFF, ListDomainsFlag.MANAGEDSAVE, ListDomainsFlag.NO_AUTOSTART);
    }

    @Test
    void listNameUuidIdColumnsAndManagedSaveState() {
        Domain s = domain("saved", -1, DomainStateReason.Shutoff.SAVED);
        when(s.hasManagedSaveImage()).thenReturn(true);
        Domain r = domain("run", 3, DomainStateReason.Running.BOOTED);
        when(conn.listAllDomains(any(ListDomainsFlag[].class))).thenReturn(List.of(s, r));
        assertEquals("3\n\n", ShellRunner.run(conn, "list", "--all", "--id").out());
        assertEquals(r.uuid() + " 3 run\n" + s.uuid() + " - saved\n\n",
                ShellRunner.run(conn, "list", "--all", "--uuid", "--id", "--name").out());
        assertEquals(" 3   run     running\n -   saved   saved\n",
                ShellRunner.run(conn, "-q", "list", "--all", "--managed-save").out());
    }

    @Test
    void dominfoLayout() {
        Domain d = domain("test", 1, DomainStateReason.Running.BOOTED);
        when(d.uuid()).thenReturn(UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"));
        when(d.osType()).thenReturn("linux");
        when(d.info()).thenReturn(new DomainInfo(DomainState.RUNNING, 8388608, 2097152, 2, 1_795_699_234_450_000_000L));
        when(d.isPersistent()).thenReturn(true);
        when(d.autostart()).thenReturn(false);
        when(d.hasManagedSaveImage()).thenReturn(false);
        when(conn.securityModel()).thenReturn(new SecurityModel("testSecurity", ""));
        ShellRunner.Result r = ShellRunner.run(conn, "dominfo", "test");
        assertEquals("Id:             1\n"
                + "Name:           test\n"
                + "UUID:           6695eb01-f6a4-8304-79aa-97f2502e193f\n"
                + "OS Type:        linux\n"
                + "State:          running\n"
                + "CPU(s):         2\n"
                + "CPU time:       1795699234.4s\n"
                + "Max memory:     8388608 KiB\n"
                + "Used memory:    2097152 KiB\n"
                + "Persistent:     yes\n"
                + "Autostart:      disable\n"
                + "Managed save:   no\n"
                + "Security model: testSecurity\n"
                + "Security DOI:   \n"
                + "\n", r.out());
    }

    @Test
    void lookupTriesIdThenUuidThenName() {
        domain("7", -1, DomainStateReason.Shutoff.UNKNOWN);
        ShellRunner.Result r = ShellRunner.run(conn, "domstate", "--reason", "7");
        assertEquals("shut off (unknown)\n\n", r.out());
        verify(conn).lookupDomainById(7);
        verify(conn).lookupDomainByName("7");
    }

    @Test
    void failedLookupNamesTheArgumentAndDropsTheLibraryError() {
        ShellRunner.Result r = ShellRunner.run(conn, "dominfo", "nosuch");
        assertEquals("\n", r.out());
        assertEquals("error: failed to get domain 'nosuch'\n", r.err());
        assertEquals(1, r.status());
    }

    @Test
    void lifecycleConfirmationsAndErrorContexts() {
        Domain d = domain("demo", 2, DomainStateReason.Running.BOOTED);
        org.mockito.Mockito.doThrow(new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                "domain is not running")).when(d).destroy();
        ShellRunner.Result r = ShellRunner.run(conn, "suspend demo; destroy demo; resume demo");
        assertEquals("Domain 'demo' suspended\n\n\nDomain 'demo' resumed\n\n", r.out());
        assertEquals("error: Failed to destroy domain 'demo'\n"
                + "error: Requested operation is not valid: domain is not running\n", r.err());
        assertEquals(0, r.status());
    }

    @Test
    void setmemScalesToKibAndDefaultsToTheLiveGuest() {
        Domain d = domain("test", 1, DomainStateReason.Running.BOOTED);
        assertEquals(0, ShellRunner.run(conn, "setmem", "test", "1G").status());
        verify(d).setMemory(1048576, DomainModification.LIVE);
        ShellRunner.run(conn, "setmem", "test", "1025b", "--config");
        verify(d).setMemory(2, DomainModification.CONFIG);
        ShellRunner.Result bad = ShellRunner.run(conn, "setmem", "test", "10q");
        assertEquals("error: Scaled numeric value '10q' for <size> option is malformed or out of range\n"
                + "error: invalid argument: unknown suffix 'q'\n", bad.err());
    }

    @Test
    void vcpucountTableSkipsValuesThatDoNotApply() {
        Domain d = domain("off", -1, DomainStateReason.Shutoff.SHUTDOWN);
        when(d.isActive()).thenReturn(false);
        when(d.isPersistent()).thenReturn(true);
        when(d.vcpus(DomainModification.CONFIG, DomainModification.MAXIMUM)).thenReturn(4);
        when(d.vcpus(DomainModification.CONFIG)).thenReturn(2);
        assertEquals("maximum      config         4\ncurrent      config         2\n\n",
                ShellRunner.run(conn, "vcpucount", "off").out());
    }

    @Test
    void quietSilencesConfirmationsAndBlankLinesButNotData() {
        Domain d = domain("demo", 2, DomainStateReason.Running.BOOTED);
        when(d.id()).thenReturn(2);
        ShellRunner.Result r = ShellRunner.run(conn, "-q", "suspend demo; domid demo");
        assertEquals("2\n", r.out());
    }
}

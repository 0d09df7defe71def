package io.jvirt.driver.test;

import io.jvirt.Connection;
import io.jvirt.DomainStateReason;
import io.jvirt.Virt;
import io.jvirt.tck.DriverTck;
import io.jvirt.tck.ExpectedError;
import io.jvirt.tck.WrongStateCall;
import java.util.UUID;

/**
 * The driver TCK against {@code test:///default}. Each check gets a default host of its own
 * ({@code ?instance=}), shared by the connections it opens, as libvirt's test:///default is
 * shared by every connection of a process.
 */
class TestDriverTckTest extends DriverTck {
    private final String uri = "test:///default?instance=tck-" + UUID.randomUUID();

    @Override
    protected Connection openConnection() {
        return Virt.open(uri);
    }

    /** libvirt's test driver words wrong-state refusals its own way (test_driver.c). */
    @Override
    protected ExpectedError wrongStateError(WrongStateCall call, String domainName) {
        return call.libvirtTestDriver(domainName);
    }

    /** libvirt's test driver starts a domain with a managed save image as booted, not restored. */
    @Override
    protected DomainStateReason managedSaveStartReason() {
        return DomainStateReason.Running.BOOTED;
    }
}

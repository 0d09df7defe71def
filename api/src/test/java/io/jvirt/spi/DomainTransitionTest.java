package io.jvirt.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.DomainEventDetail;
import io.jvirt.DomainState;
import org.junit.jupiter.api.Test;

class DomainTransitionTest {
    @Test
    void followsLibvirtsTable() {
        assertTrue(DomainTransition.START.allowedFrom(DomainState.SHUTOFF));
        assertFalse(DomainTransition.START.allowedFrom(DomainState.RUNNING));
        assertEquals("running (booted)", DomainTransition.START.result().toString());
        assertEquals(DomainEventDetail.Started.BOOTED, DomainTransition.START.event());

        assertFalse(DomainTransition.SUSPEND.allowedFrom(DomainState.PAUSED));
        assertFalse(DomainTransition.SUSPEND.allowedFrom(DomainState.SHUTOFF));
        assertEquals("paused (user)", DomainTransition.SUSPEND.result().toString());

        assertTrue(DomainTransition.RESUME.allowedFrom(DomainState.PAUSED));
        assertFalse(DomainTransition.RESUME.allowedFrom(DomainState.RUNNING));
        assertEquals("running (unpaused)", DomainTransition.RESUME.result().toString());

        assertTrue(DomainTransition.DESTROY.allowedFrom(DomainState.PAUSED));
        assertFalse(DomainTransition.DESTROY.allowedFrom(DomainState.SHUTOFF));
        assertEquals("shut off (destroyed)", DomainTransition.DESTROY.result().toString());
        assertEquals(DomainEventDetail.Stopped.DESTROYED, DomainTransition.DESTROY.event());

        assertEquals("shut off (saved)", DomainTransition.SAVE.result().toString());
        assertEquals("running (restored)", DomainTransition.RESTORE.result().toString());
        assertEquals("shut off (crashed)", DomainTransition.CRASH.result().toString());
        assertEquals(DomainEventDetail.Stopped.SHUTDOWN, DomainTransition.SHUTDOWN.event());
    }
}

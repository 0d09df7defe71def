package io.jvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public types are interfaces that Mockito mocks like any other, so code written against
 * jvirt is unit-tested without any driver. {@link Housekeeper} is such "user code".
 */
class MockingUserCodeTest {

    /** User code: resumes paused guests, tolerating guests that vanish meanwhile, and sums storage. */
    static final class Housekeeper {
        private final Connection conn;

        Housekeeper(Connection conn) {
            this.conn = conn;
        }

        List<String> resumePaused() {
            List<String> resumed = new ArrayList<>();
            for (Domain d : conn.listAllDomains(ListDomainsFlag.PAUSED)) {
                try {
                    d.resume();
                    resumed.add(d.name());
                } catch (VirtException e) {
                    if (e.code() != ErrorCode.NO_DOMAIN) {
                        throw e;
                    }
                }
            }
            return resumed;
        }

        long bytesAllocated() {
            long total = 0;
            for (StoragePool p : conn.listAllStoragePools(ListStoragePoolsFlag.ACTIVE)) {
                for (StorageVolume v : p.listAllVolumes()) {
                    total += v.info().allocation();
                }
            }
            return total;
        }

        void stopNetwork(String name) {
            Network n = conn.lookupNetworkByName(name);
            if (n.isActive()) {
                n.destroy();
            }
        }
    }

    @Test
    void resumesPausedGuestsAndSkipsVanishedOnes() {
        Connection conn = mock(Connection.class);
        Domain web = mock(Domain.class);
        Domain gone = mock(Domain.class);
        when(web.name()).thenReturn("web");
        when(gone.name()).thenReturn("gone");
        org.mockito.Mockito.doThrow(new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, null)).when(gone).resume();
        when(conn.listAllDomains(ListDomainsFlag.PAUSED)).thenReturn(List.of(gone, web));

        assertEquals(List.of("web"), new Housekeeper(conn).resumePaused());
        verify(web).resume();
        verify(web, never()).destroy();
    }

    @Test
    void sumsTheAllocationOfEveryVolume() {
        Connection conn = mock(Connection.class);
        StoragePool pool = mock(StoragePool.class);
        StorageVolume a = mock(StorageVolume.class);
        StorageVolume b = mock(StorageVolume.class);
        when(a.info()).thenReturn(new StorageVolumeInfo(StorageVolumeType.FILE, 1L << 30, 10L << 20));
        when(b.info()).thenReturn(new StorageVolumeInfo(StorageVolumeType.FILE, 1L << 30, 5L << 20));
        when(pool.listAllVolumes()).thenReturn(List.of(a, b));
        when(conn.listAllStoragePools(ListStoragePoolsFlag.ACTIVE)).thenReturn(List.of(pool));

        assertEquals(15L << 20, new Housekeeper(conn).bytesAllocated());
    }

    @Test
    void stopsAnActiveNetworkOnly() {
        Connection conn = mock(Connection.class);
        Network up = mock(Network.class);
        Network down = mock(Network.class);
        when(up.isActive()).thenReturn(true);
        when(conn.lookupNetworkByName("up")).thenReturn(up);
        when(conn.lookupNetworkByName("down")).thenReturn(down);

        Housekeeper h = new Housekeeper(conn);
        h.stopNetwork("up");
        h.stopNetwork("down");

        verify(up).destroy();
        verify(down, never()).destroy();
    }
}

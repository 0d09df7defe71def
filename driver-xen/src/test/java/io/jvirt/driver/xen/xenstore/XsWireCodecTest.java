package io.jvirt.driver.xen.xenstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class XsWireCodecTest {

    @Test
    void headerIsFourHostEndianWords() {
        ByteBuffer b = XsWireCodec.encode(11, 7, 3, XsPayload.bytes("/a\0v"));
        assertEquals(20, b.remaining());
        ByteBuffer h = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        // Every Xen host this runs on (x86, Arm) is little-endian.
        assertEquals(ByteOrder.LITTLE_ENDIAN, XsWireCodec.ORDER);
        assertEquals(11, h.getInt());
        assertEquals(7, h.getInt());
        assertEquals(3, h.getInt());
        assertEquals(4, h.getInt());
    }

    @Test
    void decodesFramesSplitAnywhereAndBackToBack() throws Exception {
        ByteBuffer one = XsWireCodec.encode(2, 1, 0, XsPayload.bytes("/a\0"));
        ByteBuffer two = XsWireCodec.encode(1, 2, 5, new byte[0]);
        ByteBuffer all = ByteBuffer.allocate(one.remaining() + two.remaining()).put(one).put(two).flip();
        XsWireCodec.Decoder d = new XsWireCodec.Decoder();
        int frames = 0;
        while (all.hasRemaining()) {
            ByteBuffer oneByte = ByteBuffer.wrap(new byte[] {all.get()});
            XsFrame f = d.next(oneByte);
            if (f != null) {
                frames++;
                if (frames == 1) {
                    assertEquals(2, f.type());
                    assertArrayEquals(XsPayload.bytes("/a\0"), f.payload());
                } else {
                    assertEquals(5, f.txId());
                    assertEquals(0, f.payload().length);
                }
            }
        }
        assertEquals(2, frames);
        assertNull(d.next(ByteBuffer.allocate(0)));
    }

    @Test
    void refusesAnnouncedLengthsOverTheLimitBeforeReadingThem() throws Exception {
        XsWireCodec.Decoder d = new XsWireCodec.Decoder();
        assertNotNull(d.next(ByteBuffer.wrap(RawXs.header(2, 0, 0, 0))));
        assertNull(d.next(ByteBuffer.wrap(RawXs.header(2, 0, 0, 4096))));
        XsWireCodec.Decoder d2 = new XsWireCodec.Decoder();
        assertThrows(XsWireCodec.FrameTooLongException.class,
                () -> d2.next(ByteBuffer.wrap(RawXs.header(2, 0, 0, 4097))));
        XsWireCodec.Decoder d3 = new XsWireCodec.Decoder();
        assertThrows(XsWireCodec.FrameTooLongException.class,
                () -> d3.next(ByteBuffer.wrap(RawXs.header(2, 0, 0, -1))));
    }
}

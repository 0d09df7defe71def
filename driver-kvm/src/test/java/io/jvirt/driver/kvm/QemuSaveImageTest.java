package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The save image header: libvirt's layout, written and read back, and what read refuses. */
class QemuSaveImageTest {
    private static final String XML = "<domain type='qemu'><name>héllo</name></domain>";

    @TempDir
    Path dir;

    private Path write(boolean running, boolean finish) throws Exception {
        Path file = dir.resolve("img");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long offset = QemuSaveImage.writePartial(ch, XML, running);
            ch.position(offset);
            ch.write(ByteBuffer.wrap("QEVM".getBytes(StandardCharsets.US_ASCII)));
            if (finish) {
                QemuSaveImage.finish(ch);
            }
        }
        return file;
    }

    private static VirtException refused(Path file) {
        return assertThrows(VirtException.class, () -> QemuSaveImage.read(file));
    }

    @Test
    void whatIsWrittenIsReadBack() throws Exception {
        Path file = write(true, true);
        QemuSaveImage image = QemuSaveImage.read(file);
        assertEquals(XML, image.xml());
        assertTrue(image.wasRunning());
        byte[] all = Files.readAllBytes(file);
        assertEquals("QEVM", new String(all, (int) image.streamOffset(), 4, StandardCharsets.US_ASCII));
        int xmlBytes = XML.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(92 + xmlBytes + 1 + 65536, image.streamOffset(), "header, XML, NUL, 64 KiB of room");
        assertFalse(QemuSaveImage.read(write(false, true)).wasRunning());
    }

    @Test
    void anImageWhoseStreamNeverCompletedIsIncomplete() throws Exception {
        VirtException e = refused(write(true, false));
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertTrue(((QemuSaveImage.Refused) e).incomplete);
        assertTrue(e.getMessage().endsWith("save image is incomplete"), e.getMessage());
    }

    @Test
    void anImageFromABigEndianHostIsReadAsLibvirtDoes() throws Exception {
        Path file = write(true, true);
        byte[] all = Files.readAllBytes(file);
        ByteBuffer le = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        for (int at = 16; at < 36; at += 4) {
            be.putInt(at, le.getInt(at));
        }
        Files.write(file, all);
        assertEquals(XML, QemuSaveImage.read(file).xml());
    }

    @Test
    void damagedHeadersAreRefusedWithLibvirtsWords() throws Exception {
        Path file = write(true, true);
        byte[] good = Files.readAllBytes(file);

        byte[] version = good.clone();
        ByteBuffer.wrap(version).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 3);
        Files.write(file, version);
        // As libvirt: a version above 2 is taken for the other byte order, and then it is absurd.
        assertTrue(refused(file).getMessage().contains("image version is not supported (50331648 > 2)"));

        byte[] compressed = good.clone();
        ByteBuffer.wrap(compressed).order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1);
        Files.write(file, compressed);
        assertTrue(refused(file).getMessage().contains("unsupported save image format: 1"));

        byte[] length = good.clone();
        ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).putInt(20, -5);
        Files.write(file, length);
        assertTrue(refused(file).getMessage().contains("invalid header data length: -5"));

        Files.write(file, java.util.Arrays.copyOf(good, 200));
        assertTrue(refused(file).getMessage().contains("failed to read domain XML"));

        VirtException missing = refused(dir.resolve("nothing-here"));
        assertEquals(ErrorCode.SYSTEM_ERROR, missing.code());
        assertTrue(missing.getMessage().contains("No such file or directory"), missing.getMessage());
    }
}

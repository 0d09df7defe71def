package io.jvirt.driver.kvm;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The header of a saved domain, in the layout of libvirt's {@code virQEMUSaveHeader}
 * (qemu_saveimage.h), so that the two can read each other's images: a 16-byte magic, then
 * native-order 32-bit fields (version 2, the length of the data area, whether the guest was
 * running, the compression format (0, raw), the cookie offset, 14 unused words), then the
 * domain XML, NUL-terminated and padded by 64 KiB so it can be edited in place; QEMU's
 * migration stream follows.
 *
 * <p>The image is written under the "partial" magic and gets the final one only once QEMU's
 * stream is complete, so that an interrupted save is never restored.
 */
record QemuSaveImage(String xml, boolean wasRunning, long streamOffset) {
    static final byte[] MAGIC = "LibvirtQemudSave".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PARTIAL = "LibvirtQemudPart".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    static final int HEADER_BYTES = MAGIC.length + 4 * 19;
    private static final int PADDING = 64 * 1024;
    /** Far more than any domain XML; a larger length is a damaged or foreign file. */
    private static final int MAX_DATA = 16 * 1024 * 1024;

    /** Why a file is not an image we can restore. */
    static final class Refused extends VirtException {
        private static final long serialVersionUID = 1L;
        /** libvirt ignores an incomplete managed save image instead of failing start. */
        final boolean incomplete;

        Refused(String detail, boolean incomplete) {
            super(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, detail);
            this.incomplete = incomplete;
        }
    }

    /**
     * Writes the header under the partial magic at the start of {@code out}; returns the
     * offset where QEMU's stream begins.
     */
    static long writePartial(FileChannel out, String xml, boolean wasRunning) throws IOException {
        byte[] text = xml.getBytes(StandardCharsets.UTF_8);
        int dataLen = text.length + 1 + PADDING;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + dataLen).order(ByteOrder.nativeOrder());
        b.put(PARTIAL).putInt(VERSION).putInt(dataLen).putInt(wasRunning ? 1 : 0).putInt(0).putInt(0);
        b.position(HEADER_BYTES);
        b.put(text); // the NUL and the padding are the buffer's zeros
        b.position(0);
        out.position(0);
        while (b.hasRemaining()) {
            out.write(b);
        }
        return HEADER_BYTES + dataLen;
    }

    /** Marks the image complete: the final magic over the partial one. */
    static void finish(FileChannel out) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(MAGIC);
        while (b.hasRemaining()) {
            out.write(b, b.position());
        }
        out.force(true);
    }

    /** Reads and checks the header of {@code file}, with libvirt's messages for what is wrong. */
    static QemuSaveImage read(Path file) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.nativeOrder());
            readFully(in, h, "failed to read qemu header");
            byte[] magic = Arrays.copyOf(h.array(), MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                if (Arrays.equals(magic, PARTIAL)) {
                    throw new Refused("save image is incomplete", true);
                }
                throw new Refused("image magic is incorrect", false);
            }
            h.position(MAGIC.length);
            int version = h.getInt();
            if (version > VERSION) {
                h.order(h.order() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                h.position(MAGIC.length);
                version = h.getInt();
            }
            if (version > VERSION || version < 1) {
                throw new Refused("image version is not supported (" + version + " > " + VERSION + ")", false);
            }
            int dataLen = h.getInt();
            boolean wasRunning = h.getInt() != 0;
            int format = h.getInt();
            int cookieOffset = h.getInt();
            if (format != 0) {
                throw new Refused("unsupported save image format: " + format
                        + " (only uncompressed images can be restored)", false);
            }
            if (dataLen <= 0 || dataLen > MAX_DATA) {
                throw new Refused("invalid header data length: " + dataLen, false);
            }
            int xmlLen = cookieOffset > 0 && cookieOffset <= dataLen ? cookieOffset : dataLen;
            ByteBuffer x = ByteBuffer.allocate(xmlLen);
            readFully(in, x, "failed to read domain XML");
            int end = 0;
            while (end < xmlLen && x.get(end) != 0) {
                end++;
            }
            String xml = new String(x.array(), 0, end, StandardCharsets.UTF_8);
            return new QemuSaveImage(xml, wasRunning, HEADER_BYTES + (long) dataLen);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Failed to open domain image file '" + file + "': "
                            + (e instanceof NoSuchFileException ? "No such file or directory" : e.getMessage()), e);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer b, String failure) throws IOException {
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                throw new Refused(failure, false);
            }
        }
    }
}

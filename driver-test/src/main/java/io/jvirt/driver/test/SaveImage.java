package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * The test driver's save file, byte-compatible with libvirt's: the magic
 * {@code "TestGuestMagic\0"}, the XML's length as a native int, then the XML. A file saved by
 * libvirt's own test driver restores here, and the other way round.
 */
final class SaveImage {
    private static final byte[] MAGIC = "TestGuestMagic\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_XML = 8192;

    private SaveImage() {
    }

    static void write(Path file, String domainName, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + body.length).order(ByteOrder.nativeOrder());
        buf.put(MAGIC).putInt(body.length).put(body);
        try {
            Files.write(file, buf.array());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the write failure is the error to report
            }
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "saving domain '" + domainName + "' to '" + file + "': open failed: " + reason(e), e);
        }
    }

    /**
     * libvirt's test driver's core dump: just the magic, in a file only its owner may read
     * (mode 0600, as libvirt opens it).
     */
    static void writeCoreDump(Path file, String domainName) {
        try (SeekableByteChannel ch = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ch.write(ByteBuffer.wrap(MAGIC));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "domain '" + domainName + "' coredump: failed to open " + file + ": " + reason(e), e);
        }
    }

    static String read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "cannot read domain image '" + file + "': " + reason(e), e);
        }
        if (all.length < MAGIC.length) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "incomplete save header in '" + file + "'");
        }
        if (!Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "mismatched header magic");
        }
        if (all.length < MAGIC.length + 4) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "failed to read metadata length in '" + file + "'");
        }
        int len = ByteBuffer.wrap(all, MAGIC.length, 4).order(ByteOrder.nativeOrder()).getInt();
        if (len < 1 || len > MAX_XML) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "length of metadata out of range");
        }
        if (all.length < MAGIC.length + 4 + len) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "incomplete metadata in '" + file + "'");
        }
        return new String(all, MAGIC.length + 4, len, StandardCharsets.UTF_8);
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "No such file or directory" : String.valueOf(e.getMessage());
    }
}

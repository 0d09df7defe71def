package io.jvirt.shell;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the XML files commands take ({@code define FILE}), as libvirt's
 * {@code virFileReadAll}: at most 10 MiB, with libvirt's error wording naming the file as
 * the user gave it.
 */
final class TextFiles {
    /** virsh's VSH_MAX_XML_FILE. */
    static final int MAX_XML_FILE = 10 * 1024 * 1024;

    private TextFiles() {
    }

    static String read(Shell shell, String name) {
        Path path = shell.resolve(name);
        if (Files.isDirectory(path)) {
            throw failure("Failed to read file '" + name + "': Is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] data = in.readNBytes(MAX_XML_FILE + 1);
            if (data.length > MAX_XML_FILE) {
                throw failure("Failed to read file '" + name + "': Value too large for defined data type");
            }
            return new String(data, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw failure("Failed to open file '" + name + "': No such file or directory");
        } catch (AccessDeniedException e) {
            throw failure("Failed to open file '" + name + "': Permission denied");
        } catch (IOException e) {
            throw failure("Failed to read file '" + name + "': " + e.getMessage());
        }
    }

    private static CommandFailure failure(String message) {
        return CommandFailure.of(VirtException.withMessage(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, message));
    }
}

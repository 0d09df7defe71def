package io.jvirt.spi;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A directory of persistent definitions ({@code NAME.xml}), written so that a crash at any
 * moment leaves either the old file or the new one, never a torn one: write a temporary file in
 * the same directory, fsync it, rename it over the target, fsync the directory.
 */
public final class AtomicConfigStore {
    private static final String SUFFIX = ".xml";
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path dir;
    private final ErrorDomain errorDomain;

    /** A store in {@code dir} (created if missing); I/O errors are reported in {@code errorDomain}. */
    public AtomicConfigStore(Path dir, ErrorDomain errorDomain) {
        this.dir = dir;
        this.errorDomain = errorDomain;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure("cannot create directory '" + dir + "'", e);
        }
    }

    /** The directory the definitions live in. */
    public Path directory() {
        return dir;
    }

    /** Writes {@code content} as {@code name}'s definition, atomically and durably. */
    public void write(String name, String content) {
        Path target = pathOf(name);
        Path temp = dir.resolve(TEMP_PREFIX + name + SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original error is the one worth reporting
            }
            throw failure("cannot write config file '" + target + "'", e);
        }
    }

    /** {@code name}'s definition, if there is one. */
    public Optional<String> read(String name) {
        try {
            return Optional.of(Files.readString(pathOf(name), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read config file '" + pathOf(name) + "'", e);
        }
    }

    /** Removes {@code name}'s definition; false if there was none. */
    public boolean delete(String name) {
        try {
            boolean existed = Files.deleteIfExists(pathOf(name));
            if (existed) {
                syncDirectory();
            }
            return existed;
        } catch (IOException e) {
            throw failure("cannot remove config file '" + pathOf(name) + "'", e);
        }
    }

    /** The names that have definitions, sorted; leftovers of interrupted writes are ignored. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (!f.startsWith(TEMP_PREFIX)) {
                    names.add(f.substring(0, f.length() - SUFFIX.length()));
                }
            }
        } catch (IOException e) {
            throw failure("cannot list directory '" + dir + "'", e);
        }
        names.sort(null);
        return names;
    }

    /** The file holding {@code name}'s definition. */
    public Path pathOf(String name) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")
                || name.indexOf('\0') >= 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, errorDomain, "invalid name '" + name + "'");
        }
        return dir.resolve(name + SUFFIX);
    }

    private void syncDirectory() throws IOException {
        // fsync on the directory makes the rename itself durable (POSIX); not all platforms allow it.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort where directories can't be opened (non-POSIX file systems)
        }
    }

    private VirtException failure(String what, IOException e) {
        return new VirtException(ErrorCode.OPERATION_FAILED, errorDomain, what + ": " + e.getMessage(), e);
    }
}

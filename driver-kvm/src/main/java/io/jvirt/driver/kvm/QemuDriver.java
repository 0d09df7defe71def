package io.jvirt.driver.kvm;

import io.jvirt.ConnectOptions;
import io.jvirt.ConnectUri;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.spi.Driver;
import io.jvirt.spi.DriverConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The QEMU driver. Three URIs, one code path, differing only in their {@link QemuPaths}:
 * {@code qemu:///system} (root only; /etc/jvirt, /var/lib/jvirt, /run/jvirt),
 * {@code qemu:///session} (the user's XDG directories) and {@code qemu:///embed?root=DIR}
 * (every file under DIR).
 */
public final class QemuDriver implements Driver {
    private final Map<String, String> env;
    private final Path home;
    private final LongSupplier uid;

    public QemuDriver() {
        this(System.getenv(), Path.of(System.getProperty("user.home")), QemuDriver::processUid);
    }

    /** A driver that sees this environment, home directory and user id (tests' seam). */
    QemuDriver(Map<String, String> env, Path home, LongSupplier uid) {
        this.env = env;
        this.home = home;
        this.uid = uid;
    }

    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public boolean accepts(ConnectUri uri) {
        return "qemu".equals(uri.driver()) && uri.transport() == null && uri.isLocal();
    }

    @Override
    public DriverConnection open(ConnectUri uri, ConnectOptions options) {
        QemuPaths paths = paths(uri);
        // Monitor sockets live at STATE/UUID.sock; a unix socket path has at most 107 bytes.
        int socketPath = paths.stateDir().resolve(new UUID(0, 0) + ".sock").toString()
                .getBytes(StandardCharsets.UTF_8).length;
        if (socketPath > 107) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "state directory '"
                    + paths.stateDir() + "' is too long: QEMU's monitor sockets under it would"
                    + " exceed the 107 bytes a unix socket path may have");
        }
        QemuHost host = QemuHost.acquire(paths);
        return new QemuConnection(host);
    }

    /** The layout {@code uri} names, or a VirtException saying why it names none. */
    QemuPaths paths(ConnectUri uri) {
        String path = uri.path();
        switch (path) {
            case "/system" -> {
                long id = uid.getAsLong();
                if (id != 0) {
                    // libvirt refuses such a user at libvirtd's socket; with no daemon the
                    // refusal is ours: /etc/jvirt and /run/jvirt are root's.
                    throw new VirtException(ErrorCode.OPERATION_DENIED, ErrorDomain.QEMU,
                            "qemu:///system needs root privileges (running as uid "
                                    + id + "); use qemu:///session for a per-user driver");
                }
                return QemuPaths.system();
            }
            case "/session" -> {
                return QemuPaths.session(env, home);
            }
            case "/embed" -> {
                return QemuPaths.embed(embedRoot(uri));
            }
            default -> throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.QEMU,
                    "unexpected QEMU URI path '" + path + "', try qemu:///system, qemu:///session"
                            + " or qemu:///embed?root=/absolute/dir");
        }
    }

    private static Path embedRoot(ConnectUri uri) {
        String root = uri.param("root").orElseThrow(() -> new VirtException(ErrorCode.INVALID_ARG,
                ErrorDomain.QEMU, "qemu:///embed needs a root parameter: qemu:///embed?root=/absolute/dir"));
        Path dir;
        try {
            dir = Path.of(root);
        } catch (InvalidPathException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "root '" + root + "' is not a valid path: " + e.getMessage());
        }
        if (root.isEmpty() || !dir.isAbsolute()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "root '" + root + "' of qemu:///embed must be an absolute path");
        }
        return dir.normalize();
    }

    /** The effective uid: the owner of /proc/self (Linux); the JDK has no getuid. */
    private static long processUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }
}

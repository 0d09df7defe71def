package io.jvirt.driver.kvm;

import io.jvirt.ConnectOptions;
import io.jvirt.ConnectUri;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.spi.Driver;
import io.jvirt.spi.DriverConnection;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The QEMU driver: {@code qemu:///embed?root=DIR}, every file under DIR (configs in
 * DIR/etc/qemu, runtime state in DIR/run/qemu). {@code qemu:///system} and
 * {@code qemu:///session} are not served yet.
 */
public final class QemuDriver implements Driver {
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
        String path = uri.path();
        if (!"/embed".equals(path)) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.QEMU,
                    "URI path '" + path + "' is not supported by the QEMU driver yet;"
                            + " use qemu:///embed?root=/absolute/dir");
        }
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
        dir = dir.normalize();
        // Monitor sockets live at DIR/run/qemu/UUID.sock; a unix socket path has at most 107 bytes.
        int socketPath = dir.resolve("run/qemu/" + java.util.UUID.randomUUID() + ".sock").toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (socketPath > 107) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "root '" + root
                    + "' is too long: QEMU's monitor sockets under it would exceed the 107 bytes a"
                    + " unix socket path may have");
        }
        QemuHost host = QemuHost.acquire(dir);
        return new QemuConnection(host);
    }
}

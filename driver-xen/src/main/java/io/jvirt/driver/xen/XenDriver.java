package io.jvirt.driver.xen;

import io.jvirt.ConnectOptions;
import io.jvirt.ConnectUri;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.spi.Driver;
import io.jvirt.spi.DriverConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The Xen driver: {@code xen:///embed?root=DIR}, which serves a xenstore at
 * DIR/run/xenstored/socket while a connection to it is open and converts between xl.cfg and
 * domain XML. Domains are not run yet; {@code xen:///system} is not served yet.
 */
public final class XenDriver implements Driver {
    /** A unix socket path has at most 107 bytes (sun_path is 108, NUL included). */
    private static final int SOCKET_PATH_MAX = 107;

    @Override
    public String name() {
        return "xen";
    }

    @Override
    public boolean accepts(ConnectUri uri) {
        return "xen".equals(uri.driver()) && uri.transport() == null && uri.isLocal();
    }

    @Override
    public DriverConnection open(ConnectUri uri, ConnectOptions options) {
        String path = uri.path();
        if ("/system".equals(path)) {
            throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.LIBXL,
                    "xen:///system is not served yet; use xen:///embed?root=/absolute/dir");
        }
        if (!"/embed".equals(path)) {
            // libxlConnectOpen's wording, with the URI this driver does serve.
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.LIBXL,
                    "unexpected Xen URI path '" + path + "', try xen:///embed?root=/absolute/dir");
        }
        return new XenConnection(XenHost.acquire(root(uri)));
    }

    /** DIR of {@code root=DIR}: absolute, and short enough for the xenstored socket under it. */
    static Path root(ConnectUri uri) {
        String root = uri.param("root").orElseThrow(() -> new VirtException(ErrorCode.INVALID_ARG,
                ErrorDomain.LIBXL, "xen:///embed needs a root parameter: xen:///embed?root=/absolute/dir"));
        Path dir;
        try {
            dir = Path.of(root);
        } catch (InvalidPathException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LIBXL,
                    "root '" + root + "' is not a valid path: " + e.getMessage());
        }
        if (root.isEmpty() || !dir.isAbsolute()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LIBXL,
                    "root '" + root + "' of xen:///embed must be an absolute path");
        }
        dir = dir.normalize();
        int length = XenHost.socketOf(dir).toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > SOCKET_PATH_MAX) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LIBXL, "root '" + root
                    + "' is too long: the xenstored socket under it would exceed the "
                    + SOCKET_PATH_MAX + " bytes a unix socket path may have");
        }
        return dir;
    }
}

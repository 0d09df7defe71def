package io.jvirt;

import io.jvirt.spi.Driver;
import io.jvirt.spi.DriverConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where connections come from. The driver is chosen by the URI, as in libvirt:
 * {@code test:///default} is the in-memory test driver, {@code qemu:///session} QEMU/KVM,
 * {@code xen:///system} Xen.
 *
 * <pre>{@code
 * try (Connection conn = Virt.open("test:///default")) {
 *     for (Domain d : conn.listAllDomains()) {
 *         System.out.println(d.name() + " " + d.state());
 *     }
 * }
 * }</pre>
 *
 * <p>Code that should run against several drivers (tests on {@code test:///default},
 * production on {@code qemu:///system}) takes a {@link Connection} and leaves the choice of URI
 * to its caller.
 */
public final class Virt {
    /** jvirt's version, encoded as libvirt encodes versions: major * 1,000,000 + minor * 1,000 + micro. */
    public static final long VERSION = 1_000L;

    /** The system property naming driver classes to try before the installed services. */
    public static final String DRIVERS_PROPERTY = "jvirt.drivers";

    private Virt() {
    }

    /** Opens a read-write connection to the hypervisor named by {@code uri}. */
    public static Connection open(String uri) {
        return open(uri, ConnectOptions.defaults());
    }

    /** Opens a connection that refuses every change with {@link ErrorCode#OPERATION_DENIED}. */
    public static Connection openReadOnly(String uri) {
        return open(uri, ConnectOptions.defaults().readOnly(true));
    }

    /**
     * Opens a connection with {@code options}. A null or empty {@code uri} means the
     * {@code LIBVIRT_DEFAULT_URI} environment variable. The first installed driver that accepts
     * the URI opens it; when none does the error is {@link ErrorCode#NO_CONNECT}, naming the URI
     * and the installed drivers.
     *
     * <p>Drivers are found with {@link ServiceLoader}. As JDBC's {@code jdbc.drivers}, the system
     * property {@value #DRIVERS_PROPERTY} may name driver classes (separated by ':') to try
     * first: a short-lived program such as jvirsh sets it because the service lookup reads the
     * jars of the class path, which costs a one-command run a sixth of its time.
     */
    public static Connection open(String uri, ConnectOptions options) {
        String text = uri;
        if (text == null || text.isEmpty()) {
            text = System.getenv("LIBVIRT_DEFAULT_URI");
        }
        ConnectUri parsed = ConnectUri.parse(text);
        Admission admission = Admission.of(parsed, options);
        ConnectUri forDriver = Admission.forDriver(parsed);
        Driver named = namedDriverFor(forDriver);
        if (named != null) {
            return new ApiConnection(parsed, named.open(forDriver, options), options.readOnly(), admission);
        }
        List<String> installed = new ArrayList<>();
        for (Driver driver : ServiceLoader.load(Driver.class, Virt.class.getClassLoader())) {
            installed.add(driver.name());
            if (driver.accepts(forDriver)) {
                DriverConnection dc = driver.open(forDriver, options);
                return new ApiConnection(parsed, dc, options.readOnly(), admission);
            }
        }
        throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE,
                text + " (installed drivers: " + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")");
    }

    /**
     * The first driver {@value #DRIVERS_PROPERTY} names that accepts {@code uri}, or null. A name
     * that isn't a loadable driver is skipped, as JDBC does: the service lookup still finds every
     * installed driver.
     */
    private static Driver namedDriverFor(ConnectUri uri) {
        for (String name : System.getProperty(DRIVERS_PROPERTY, "").split(":")) {
            if (name.isBlank()) {
                continue;
            }
            Driver driver;
            try {
                Class<?> type = Class.forName(name.strip(), true, Virt.class.getClassLoader());
                driver = type.asSubclass(Driver.class).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                continue;
            }
            if (driver.accepts(uri)) {
                return driver;
            }
        }
        return null;
    }
}

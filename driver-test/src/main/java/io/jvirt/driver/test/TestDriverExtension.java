package io.jvirt.driver.test;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension giving each test a host of its own on the test driver: a fresh copy of
 * libvirt's default host (not the process-wide shared {@code test:///default}), or one loaded
 * from a {@link NodeFile}. It injects, for one test, one connection to that host and things on it:
 *
 * <pre>{@code
 * @ExtendWith(TestDriverExtension.class)
 * class InventoryTest {
 *     @Test
 *     void listsRunningGuests(Connection conn) {
 *         assertEquals(List.of("test"), new Inventory(conn).runningNames());
 *     }
 *
 *     @Test
 *     void survivesACrash(Connection conn, @DomainName("test") Domain test, TestHostControl control) {
 *         control.crash("test");
 *         assertEquals(DomainState.SHUTOFF, test.state().state());
 *     }
 * }
 * }</pre>
 *
 * <p>Parameters: {@link Connection}, {@link Domain} (see {@link DomainName}) and
 * {@link TestHostControl}. The connection is closed after the test, and the host with it.
 */
public final class TestDriverExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(TestDriverExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> type = p.getParameter().getType();
        return type == Connection.class || type == Domain.class || type == TestHostControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        Connection conn = connection(ctx);
        Class<?> type = p.getParameter().getType();
        if (type == Connection.class) {
            return conn;
        }
        if (type == TestHostControl.class) {
            return TestHostControl.of(conn);
        }
        String name = p.findAnnotation(DomainName.class).map(DomainName::value).orElse("test");
        return conn.lookupDomainByName(name);
    }

    /** The test's connection, opened on first use and closed with the test's store. */
    private static Connection connection(ExtensionContext ctx) {
        OpenConnection open = ctx.getStore(NS).getOrComputeIfAbsent(OpenConnection.class,
                k -> new OpenConnection(Virt.open(uriFor(ctx))), OpenConnection.class);
        return open.conn;
    }

    private static String uriFor(ExtensionContext ctx) {
        Optional<NodeFile> file = ctx.getTestMethod().map(m -> m.getAnnotation(NodeFile.class))
                .or(() -> ctx.getTestClass().map(c -> c.getAnnotation(NodeFile.class)));
        if (file.isPresent()) {
            return "test://" + nodeFilePath(file.get().value(), ctx).toAbsolutePath();
        }
        return "test:///default?instance=" + UUID.randomUUID();
    }

    private static Path nodeFilePath(String name, ExtensionContext ctx) {
        ClassLoader loader = ctx.getRequiredTestClass().getClassLoader();
        URL url = loader.getResource(name.startsWith("/") ? name.substring(1) : name);
        if (url == null) {
            Path p = Path.of(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
            throw new ParameterResolutionException("node file " + name + " is neither a class-path resource nor a file");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            // Inside a jar: copy it out (files it references must then be inline).
            Path copy = Files.createTempFile("jvirt-node", ".xml");
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new ParameterResolutionException("bad node file URL " + url, e);
        }
    }

    /** Closes the connection when JUnit discards the test's store. */
    private record OpenConnection(Connection conn) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            conn.close();
        }
    }
}

package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvirt.Virt;
import io.jvirt.spi.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The launcher names the bundled drivers so that a run needn't search the jars for them. */
class LauncherDriversTest {
    @Test
    void theLauncherNamesExactlyTheBundledDrivers() throws IOException {
        String launcher = Files.readString(Path.of("src/dist/bin/jvirsh"));
        Matcher m = Pattern.compile("-D" + Pattern.quote(Virt.DRIVERS_PROPERTY) + "=([^\\s)]+)").matcher(launcher);
        assertEquals(true, m.find(), "bin/jvirsh sets " + Virt.DRIVERS_PROPERTY);
        Set<String> named = new TreeSet<>(List.of(m.group(1).split(":")));

        Set<String> bundled = ServiceLoader.load(Driver.class).stream()
                .map(p -> p.type().getName())
                .filter(n -> n.startsWith("io.jvirt.driver."))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(bundled, named);
    }
}

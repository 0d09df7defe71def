package io.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jvirt.Connection;
import io.jvirt.Domain;
import io.jvirt.Virt;
import io.jvirt.VirtException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's API example, compiled and run so that it can't rot. Keep the two in step. */
class ReadmeExampleTest {
    @Test
    void readmeExampleRunsAsDocumented() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        PrintStream err = out;
        // ---- from README.md ----
        try (Connection conn = Virt.open("test:///default")) {
            Domain web = conn.defineDomain("""
                    <domain type='test'>
                      <name>web</name>
                      <memory unit='MiB'>512</memory>
                      <os><type>hvm</type></os>
                    </domain>""");
            web.start();
            out.println(web.state());          // running (booted)
            web.suspend();
            web.resume();
            web.destroy();
            out.println(web.state());          // shut off (destroyed)
            web.undefine();
        } catch (VirtException e) {
            err.println(e.code() + ": " + e.getMessage());
        }
        // ---- end ----
        assertEquals("running (booted)\nshut off (destroyed)\n", buf.toString(StandardCharsets.UTF_8));
    }
}

package io.jvirt.driver.xen.xenstore;

import static io.jvirt.driver.xen.xenstore.XsMessageType.CONTROL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CONTROL: the commands we serve answer as xenstored's do; the rest are EINVAL. */
@Timeout(60)
class XsControlTest {
    @TempDir
    Path dir;
    TestDaemon xs;
    RawXs c;

    @BeforeEach
    void start() throws Exception {
        xs = new TestDaemon(dir);
        c = xs.raw();
    }

    @AfterEach
    void stop() throws Exception {
        xs.close();
    }

    @Test
    void commands() throws Exception {
        assertEquals("OK\0", c.ask(CONTROL, "check"));
        assertEquals("ERROR:EINVAL", c.ask(CONTROL, "check", "extra"));
        assertEquals("OK\0", c.ask(CONTROL, "log", "on"));
        assertEquals("OK\0", c.ask(CONTROL, "log", "off"));
        assertEquals("ERROR:EINVAL", c.ask(CONTROL, "log", "maybe"));
        assertEquals("OK\0", c.ask(CONTROL, "print", "hello"));
        assertEquals("check\t\nlog\ton|off\nprint\t<string>\nquota\t[set <name> <val>|<domid>]\nhelp\t\n\0",
                c.ask(CONTROL, "help"));
        assertEquals("Domain 0:\nnodes           :        3\nwatches         :        0\n"
                + "transactions    :        0\n\0", c.ask(CONTROL, "quota", "0"));
        assertEquals("ERROR:ENOENT", c.ask(CONTROL, "quota", "77"));
        assertEquals("ERROR:EINVAL", c.ask(CONTROL, "quota", "set", "nodes"));
        assertEquals("ERROR:EINVAL", c.ask(CONTROL, "quota", "set", "no-such-quota", "5"));
        assertEquals("ERROR:EINVAL", c.ask(CONTROL, "live-update", "-s"));
        assertEquals("ERROR:EINVAL", c.ask(CONTROL, "memreport"));
        assertEquals("ERROR:EINVAL", RawXs.text(c.call(CONTROL, 0, XsPayload.bytes("help"))), "no NUL");
    }
}

package io.jvirt.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.Connection;
import io.jvirt.Virt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * domxml-from-native and domxml-to-native on {@code xen:///embed}: each command a fresh
 * {@code ./jvirsh} process, its output what the API gives for the same input.
 */
class JvirshXenNativeIT {
    private static final String CFG = """
            name = "web"
            uuid = "c7a5fdbd-cdaf-9455-926a-d65c16db1809"
            memory = 512
            maxmem = 1024
            vcpus = 2
            kernel = "/boot/vmlinuz"
            ramdisk = "/boot/initrd.img"
            extra = "console=hvc0"
            disk = [ "/var/lib/xen/web.qcow2,qcow2,xvda,rw" ]
            vif = [ "mac=00:16:3e:11:22:33,bridge=xenbr0" ]
            """;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private Run jvirsh(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("jvirsh.launcher"), "-c", uri()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jvirsh did not finish: " + cmd);
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    private String uri() {
        return "xen:///embed?root=" + dir.resolve("root");
    }

    @Test
    void convertsBothWaysAsTheApiDoes() throws Exception {
        Path cfg = Files.writeString(dir.resolve("web.cfg"), CFG);
        String xml;
        String native_;
        try (Connection conn = Virt.open("xen:///embed?root=" + dir.resolve("api"))) {
            xml = conn.domainXmlFromNative("xen-xl", CFG);
            native_ = conn.domainXmlToNative("xen-xl", xml);
        }

        Run from = jvirsh("domxml-from-native", "xen-xl", cfg.toString());
        assertEquals(new Run(0, xml + "\n", ""), from);

        Path xmlFile = Files.writeString(dir.resolve("web.xml"), from.out(), StandardCharsets.UTF_8);
        Run to = jvirsh("domxml-to-native", "xen-xl", xmlFile.toString());
        assertEquals(new Run(0, native_ + "\n", ""), to);
        assertTrue(to.out().contains("disk = [ \"format=qcow2,vdev=xvda,access=rw,backendtype=qdisk,"
                + "target=/var/lib/xen/web.qcow2\" ]"), to.out());
    }

    @Test
    void badInputIsVirshsErrorLineAndStatusOne() throws Exception {
        Path cfg = Files.writeString(dir.resolve("web.cfg"), CFG);
        Path bad = Files.writeString(dir.resolve("bad.cfg"), "name = \"web\n");

        assertEquals(new Run(1, "\n", "error: invalid argument: unsupported config type nosuch\n"),
                jvirsh("domxml-from-native", "nosuch", cfg.toString()));
        assertEquals(new Run(1, "\n",
                "error: configuration file syntax error: xl config line 1, column 12: unterminated string\n"),
                jvirsh("domxml-from-native", "xen-xl", bad.toString()));
        assertEquals(new Run(1, "\n", "error: operation forbidden: read only access prevents"
                + " virConnectDomainXMLFromNative\n"), jvirsh("-r", "domxml-from-native", "xen-xl", cfg.toString()));
    }
}

package io.jvirt.driver.kvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class QemuCrashTest {
    private static final Path DIR = Path.of("/var/lib/jvirt/qemu/dump");
    private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 26, 9, 5, 7);

    @Test
    void autoDumpPathIsIdShortNameAndLocalTimeAsLibvirts() {
        assertEquals(DIR.resolve("3-web-2026-11-26-09:05:07"), QemuCrash.autoDumpPath(DIR, 3, "web", WHEN));
        // virDomainDefGetShortName keeps 20 characters, not bytes
        assertEquals(DIR.resolve("12-ééééééééééééééééééé1-2026-11-26-09:05:07"),
                QemuCrash.autoDumpPath(DIR, 12, "ééééééééééééééééééé1234", WHEN));
    }

    @Test
    void aNameThatLeavesTheDumpDirectoryHasNoDumpPath() {
        assertNull(QemuCrash.autoDumpPath(DIR, 1, "a/../../../etc/x", WHEN));
        assertNull(QemuCrash.autoDumpPath(DIR, 1, "a/b", WHEN));
    }

    @Test
    void panicInfoIsFormattedAsLibvirtLogsIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        // QEMU's GuestPanicInformation for Hyper-V's crash MSRs (unsigned 64-bit values)
        JsonNode hyperv = json.readTree("{\"type\": \"hyper-v\", \"arg1\": 62, \"arg2\": 4867097345535,"
                + " \"arg3\": 18446744073709551615, \"arg4\": 0, \"arg5\": 0}");
        assertEquals("hyper-v: arg1='0x3e', arg2='0x46d359bbdff', arg3='0xffffffffffffffff', arg4='0x0', arg5='0x0'",
                QemuCrash.infoMessage(hyperv));
        JsonNode s390 = json.readTree("{\"type\": \"s390\", \"core\": 1, \"psw-mask\": 1, \"psw-addr\": 255,"
                + " \"reason\": \"disabled-wait\"}");
        assertEquals("s390: core='1' psw-mask='0x0000000000000001' psw-addr='0x00000000000000ff' reason='disabled-wait'",
                QemuCrash.infoMessage(s390));
        assertNull(QemuCrash.infoMessage(json.readTree("{}").path("info")), "pvpanic tells nothing");
    }
}

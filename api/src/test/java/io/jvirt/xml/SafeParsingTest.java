package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input: every case is an XML_ERROR, never a leak or a hang. */
class SafeParsingTest {
    private static final String MINIMAL =
            "<domain type='test'><name>ok</name><memory>1024</memory><os><type>hvm</type></os></domain>";

    private static VirtException rejected(String xml) {
        VirtException e = assertThrows(VirtException.class, () -> LibvirtXml.parseDomain(xml));
        assertEquals(ErrorCode.XML_ERROR, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("XML error: "), e.getMessage());
        return e;
    }

    @Test
    void externalEntityCannotReadFiles(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7f3a");
        String xml = "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<domain type='test'><name>&x;</name></domain>";

        VirtException e = rejected(xml);

        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void externalDtdIsNotFetched() {
        rejected("<!DOCTYPE domain SYSTEM 'http://127.0.0.1:1/evil.dtd'><domain type='test'/>");
    }

    @Test
    void parameterEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak 'x'>");
        rejected("<!DOCTYPE domain [<!ENTITY % p SYSTEM '" + dtd.toUri() + "'> %p;]>"
                + "<domain type='test'><name>&leak;</name></domain>");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE domain [<!ENTITY lol0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" '");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("'>");
        }
        String xml = dtd + "]><domain type='test'><name>&lol9;</name></domain>";

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected(xml));
    }

    @Test
    void anyDoctypeIsRefused() {
        VirtException e = rejected("<?xml version='1.0'?>\n<!DOCTYPE domain>\n" + MINIMAL);
        assertTrue(e.getMessage().contains("at line 2, column"), e.getMessage());
    }

    @Test
    void oversizedDocumentsAreRefusedBeforeParsing() {
        String padding = "a".repeat(LibvirtXml.MAX_DOCUMENT_BYTES);
        VirtException e = rejected("<domain type='test'><description>" + padding
                + "</description></domain>");

        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertEquals(ErrorDomain.XML, e.domain());
    }

    @Test
    void theLimitCountsUtf8Bytes() {
        // 6 Mi characters of 'é' are 12 MiB of UTF-8: over the limit.
        String padding = "é".repeat(6 * 1024 * 1024);
        assertTrue(rejected("<domain type='test'><description>" + padding + "</description></domain>")
                .getMessage().contains("too large"));
    }

    @Test
    void largeDocumentsUnderTheLimitParse() {
        String padding = "x".repeat(9 * 1024 * 1024);
        DomainDef def = LibvirtXml.parseDomain("<domain type='test'><description>" + padding
                + "</description></domain>");
        assertEquals(padding.length(), def.getDescription().length());
    }

    @Test
    void wrongRootIsRefusedWithLibvirtsWording() {
        VirtException e = rejected("<network><name>default</name></network>");
        assertEquals("XML error: expecting root element of 'domain', not 'network'", e.getMessage());
        assertEquals(ErrorDomain.XML, e.domain());

        VirtException other = assertThrows(VirtException.class,
                () -> LibvirtXml.parseNetwork(MINIMAL));
        assertEquals("XML error: expecting root element of 'network', not 'domain'",
                other.getMessage());
    }

    @Test
    void rootInANamespaceIsNotLibvirts() {
        rejected("<domain xmlns='urn:elsewhere' type='test'><name>x</name></domain>");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        VirtException e = rejected("<domain type=\"test\">\n  <name>x</name>\n"
                + "  <memory>1</memory oops>\n</domain>\n");

        assertTrue(e.getMessage().startsWith("XML error: at line 3, column "), e.getMessage());
        assertEquals(ErrorDomain.DOMAIN, e.domain());
    }

    @Test
    void mismatchedTagsNameLineAndColumn() {
        VirtException e = rejected("<domain type='test'><name>x</name></domai>");
        assertTrue(e.getMessage().contains("at line 1, column "), e.getMessage());
    }

    @Test
    void emptyAndNonXmlInputAreXmlErrors() {
        rejected("");
        rejected("   ");
        rejected("this is not xml");
        rejected("<domain type='test'>");
        rejected(MINIMAL + "<trailing/>");
    }

    @Test
    void absurdNestingIsRefused() {
        String open = "<x>".repeat(300);
        String close = "</x>".repeat(300);
        VirtException e = rejected("<domain type='test'>" + open + close + "</domain>");
        assertTrue(e.getMessage().contains("nested deeper than 256"), e.getMessage());
    }

    @Test
    void documentsCannotChooseJavaClasses() {
        String xsi = "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'";
        DomainDef def = LibvirtXml.parseDomain("<domain " + xsi + " type='test' xsi:nil='true'>"
                + "<devices><disk xsi:type='memballoonDef' type='file'/></devices></domain>");

        assertEquals("test", def.getType());
        assertEquals(DiskDef.class, def.getDisks().get(0).getClass());
        assertEquals("file", def.getDisks().get(0).getType());
    }

    @Test
    void failuresLeaveTheCodecUsable() {
        for (int i = 0; i < 20; i++) {
            rejected("<domain type='test'><name>broken</domain>");
            assertEquals("ok", LibvirtXml.parseDomain(MINIMAL).getName());
        }
    }

    @Test
    void onlyModelRootsCanBeParsed() {
        assertThrows(IllegalArgumentException.class, () -> LibvirtXml.parse(MINIMAL, DiskDef.class));
        assertThrows(IllegalArgumentException.class, () -> LibvirtXml.format(new DiskDef()));
    }

    @Test
    void parsingAndFormattingAreThreadSafe() throws Exception {
        String everything = Fixtures.read("domain-everything.xml");
        String expected = LibvirtXml.format(LibvirtXml.parseDomain(everything));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> LibvirtXml.format(LibvirtXml.parseDomain(everything))));
            }
            for (Future<String> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

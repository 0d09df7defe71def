package io.jvirt.xml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.VirtException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * libvirt itself as the oracle: every corpus domain the test driver accepts is defined in
 * {@code virsh -c test:///default} and dumped back; that text is libvirt's normal form, and
 * parsing and formatting it must give the same bytes. Needs virsh and the libvirt corpus.
 */
class VirshDifferentialTest {
    private static final String MARK = "@@jvirt-file@@";
    private static final int FILES_PER_VIRSH = 200;

    @Test
    void libvirtsNormalFormIsReproducedByteForByte() throws Exception {
        HostTools.require(virshAvailable(), "virsh (apt-get install libvirt-clients)");
        Path dir = LibvirtSourceTree.find("tests/qemuxml2argvdata").orElse(null);
        HostTools.require(dir != null, "libvirt 9.0.0 source tree (see scripts/fetch-libvirt-src.sh)");

        Map<String, String> names = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                String name = LibvirtXml.parseDomain(Files.readString(file)).getName();
                if (name != null && name.matches("[A-Za-z0-9_.-]+")) {
                    names.put(file.toString(), name);
                }
            }
        }
        Map<String, String> normal = new LinkedHashMap<>();
        List<String> files = new ArrayList<>(names.keySet());
        for (int i = 0; i < files.size(); i += FILES_PER_VIRSH) {
            normal.putAll(defineAndDump(files.subList(i, Math.min(files.size(), i + FILES_PER_VIRSH)),
                    names));
        }

        List<String> different = new ArrayList<>();
        for (Map.Entry<String, String> e : normal.entrySet()) {
            String libvirt = e.getValue();
            String ours;
            try {
                ours = LibvirtXml.format(LibvirtXml.parseDomain(libvirt));
            } catch (VirtException ex) {
                ours = ex.toString();
            }
            if (!ours.equals(libvirt)) {
                different.add(new File(e.getKey()).getName());
            }
        }
        int same = normal.size() - different.size();
        System.out.println("virsh differential: " + normal.size() + " documents in libvirt's normal "
                + "form, " + same + " reproduced byte for byte, different: " + different);
        assertTrue(normal.size() >= 900, "too few documents accepted by virsh: " + normal.size());
        assertTrue(same >= Math.ceil(normal.size() * 0.99), "differences: " + different);
    }

    /** One virsh process defines, dumps and undefines each file; output split by markers. */
    private static Map<String, String> defineAndDump(List<String> files, Map<String, String> names)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (String file : files) {
            String name = names.get(file);
            script.append("echo ").append(MARK).append(file).append("; define ").append(file)
                    .append("; dumpxml --inactive ").append(name).append("; undefine ")
                    .append(name).append("; ");
        }
        Process virsh = new ProcessBuilder("virsh", "-q", "-c", "test:///default", script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(virsh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!virsh.waitFor(120, TimeUnit.SECONDS)) {
            virsh.destroyForcibly();
            throw new IOException("virsh did not finish");
        }
        Map<String, String> dumps = new LinkedHashMap<>();
        for (String chunk : out.split(MARK)) {
            int newline = chunk.indexOf('\n');
            int start = chunk.indexOf("<domain");
            int end = chunk.indexOf("</domain>\n");
            if (newline > 0 && start > 0 && end > start) {
                dumps.put(chunk.substring(0, newline).trim(),
                        chunk.substring(start, end + "</domain>\n".length()));
            }
        }
        return dumps;
    }

    private static boolean virshAvailable() {
        try {
            Process p = new ProcessBuilder("virsh", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.jvirt.driver.test.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a batch of virsh commands against libvirt's own {@code test:///default}, one virsh
 * process per batch (so state carries from command to command, as in our driver), and splits
 * the merged stdout+stderr into one block per command. stdbuf makes virsh's stdout unbuffered
 * so that its error lines land in order.
 */
final class VirshRun {
    static final String VIRSH = "/usr/bin/virsh";

    private VirshRun() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of(VIRSH)) && Files.isExecutable(Path.of("/usr/bin/stdbuf"));
    }

    /** Each command's output lines, without virsh's trailing blank line. */
    static List<List<String>> run(List<String> commands, Path workDir) throws IOException, InterruptedException {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            batch.append("echo @@").append(i).append("; ").append(commands.get(i)).append("; ");
        }
        batch.append("echo @@").append(commands.size());
        Process p = new ProcessBuilder("/usr/bin/stdbuf", "-o0", "-e0", VIRSH, "-c", "test:///default",
                batch.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("virsh did not finish");
        }
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : out.split("\n", -1)) {
            if (line.matches("@@\\d+")) {
                if (current != null) {
                    blocks.add(trim(current));
                }
                current = new ArrayList<>();
            } else if (current != null) {
                current.add(line);
            }
        }
        if (blocks.size() != commands.size()) {
            throw new IOException("virsh output did not split into " + commands.size() + " blocks:\n" + out);
        }
        return blocks;
    }

    private static List<String> trim(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}

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

    /**
     * Each command's output lines, without virsh's trailing blank line. virsh 9.0 now and then
     * hangs on exit after save/managedsave; such a run is killed and tried again.
     */
    static List<List<String>> run(List<String> commands, Path workDir) throws IOException, InterruptedException {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            batch.append("echo @@").append(i).append("; ").append(commands.get(i)).append("; ");
        }
        batch.append("echo @@").append(commands.size());
        String out = null;
        String done = "@@" + commands.size();
        for (int attempt = 1; out == null; attempt++) {
            out = runOnce(batch.toString(), done, workDir);
            if (out == null && attempt == 3) {
                throw new IOException("virsh hung three times on: " + batch);
            }
        }
        return split(out, commands.size());
    }

    /**
     * The merged output, or null if virsh did not finish in time. A virsh that printed the
     * last marker but hangs on its way out has done its work: its output counts.
     */
    private static String runOnce(String batch, String done, Path workDir) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "virsh", ".out");
        Process p = new ProcessBuilder("/usr/bin/stdbuf", "-o0", "-e0", VIRSH, "-c", "test:///default", batch)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        p.getOutputStream().close();
        boolean exited = p.waitFor(10, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        try {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            return exited || out.contains("\n" + done + "\n") ? out : null;
        } finally {
            Files.delete(log);
        }
    }

    private static List<List<String>> split(String out, int count) throws IOException {
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
        if (blocks.size() != count) {
            throw new IOException("virsh output did not split into " + count + " blocks:\n" + out);
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

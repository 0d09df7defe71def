package io.jvirt.driver.kvm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The installed {@code qemu-img}, run with an explicit argv (never a shell), as libvirt's storage
 * backends run it. Failures carry qemu-img's own message. Every call names the format with
 * {@code -f}: letting qemu-img guess a raw image's format is what its warning tells one not to do.
 */
final class QemuImg {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 600;

    /** What {@code qemu-img info} says about an image. */
    record Info(String format, long virtualSize, long actualSize, String backingFile,
            String backingFormat, String compat) {
    }

    private QemuImg() {
    }

    /** {@code qemu-img info --output=json -U}: -U (force-share) reads images a running QEMU holds. */
    static Info info(Path image) {
        JsonNode j;
        try {
            j = JSON.readTree(run("info", "--output=json", "-U", image.toString()));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                    "cannot parse qemu-img info of '" + image + "': " + e.getMessage(), e);
        }
        return new Info(j.path("format").asText("raw"), j.path("virtual-size").asLong(),
                j.path("actual-size").asLong(), text(j, "full-backing-filename"),
                text(j, "backing-filename-format"), text(j.path("format-specific").path("data"), "compat"));
    }

    /**
     * {@code qemu-img create}: {@code preallocation} is null, "metadata" or "falloc";
     * {@code backing} and {@code backingFormat} may be null.
     */
    static void create(Path image, String format, long capacity, String preallocation, Path backing,
            String backingFormat) {
        List<String> args = new ArrayList<>(List.of("create", "-f", format));
        if (backing != null) {
            args.addAll(List.of("-b", backing.toString(), "-F", backingFormat));
        }
        if (preallocation != null) {
            args.addAll(List.of("-o", "preallocation=" + preallocation));
        }
        args.add(image.toString());
        args.add(Long.toString(capacity));
        run(args.toArray(String[]::new));
    }

    /** {@code qemu-img resize}; {@code allocate} preallocates the new space (falloc). */
    static void resize(Path image, String format, long capacity, boolean shrink, boolean allocate) {
        List<String> args = new ArrayList<>(List.of("resize", "-f", format));
        if (shrink) {
            args.add("--shrink");
        }
        if (allocate) {
            args.add("--preallocation=falloc");
        }
        args.add(image.toString());
        args.add(Long.toString(capacity));
        run(args.toArray(String[]::new));
    }

    /** {@code qemu-img convert}: a copy of {@code source} in {@code format}, libvirt's vol-clone. */
    static void convert(Path source, String sourceFormat, Path target, String format) {
        run("convert", "-f", sourceFormat, "-O", format, source.toString(), target.toString());
    }

    /** Runs qemu-img with {@code args}; its stdout, or a VirtException with its stderr. */
    private static String run(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("qemu-img");
        argv.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                    "cannot run qemu-img (install Debian's qemu-utils): " + e.getMessage(), e);
        }
        try {
            // stderr is small (an error line); read it after stdout so neither pipe fills up.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.STORAGE,
                        "qemu-img " + args[0] + " took longer than " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                        String.join(" ", argv) + " failed: " + (err.isEmpty() ? "exit " + p.exitValue() : err));
            }
            return out;
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.STORAGE,
                    "cannot read qemu-img's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.STORAGE, "interrupted waiting for qemu-img");
        }
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

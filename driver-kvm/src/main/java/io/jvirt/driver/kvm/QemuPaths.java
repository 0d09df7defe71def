package io.jvirt.driver.kvm;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where one QEMU driver instance keeps its files, for each of the three URIs. The layout mirrors
 * libvirt's (qemu_conf.c, storage_driver.c, bridge_driver.c) with {@code jvirt} in place of
 * {@code libvirt}, so an operator finds things where they would look.
 *
 * @param configDir persistent domain configs ({@code NAME.xml}, {@code autostart/})
 * @param stateDir status files, pid files, monitor sockets, the driver lock
 * @param libDir per-domain private data (saves, snapshots)
 * @param dumpDir where {@code on_crash} coredump actions write the guest's memory (libvirt's
 *     auto_dump_path)
 * @param cacheDir the QEMU capabilities cache
 * @param storageConfigDir persistent storage pool configs ({@code NAME.xml}, {@code autostart/})
 * @param storageStateDir which pools are active
 * @param networkConfigDir persistent network configs ({@code NAME.xml}, {@code autostart/})
 * @param networkStateDir which networks are active
 */
record QemuPaths(Path configDir, Path stateDir, Path libDir, Path dumpDir, Path cacheDir,
        Path storageConfigDir, Path storageStateDir, Path networkConfigDir, Path networkStateDir) {

    /** {@code qemu:///embed?root=DIR}: everything under DIR. */
    static QemuPaths embed(Path root) {
        return new QemuPaths(root.resolve("etc/qemu"), root.resolve("run/qemu"),
                root.resolve("lib/qemu"), root.resolve("lib/qemu/dump"), root.resolve("cache/qemu"),
                root.resolve("etc/storage"), root.resolve("run/storage"), root.resolve("etc/qemu/networks"),
                root.resolve("run/network"));
    }

    /** {@code qemu:///system}: the host-wide directories, as libvirt's privileged daemon. */
    static QemuPaths system() {
        return new QemuPaths(Path.of("/etc/jvirt/qemu"), Path.of("/run/jvirt/qemu"),
                Path.of("/var/lib/jvirt/qemu"), Path.of("/var/lib/jvirt/qemu/dump"),
                Path.of("/var/cache/jvirt/qemu"),
                Path.of("/etc/jvirt/storage"), Path.of("/run/jvirt/storage"),
                Path.of("/etc/jvirt/qemu/networks"), Path.of("/run/jvirt/network"));
    }

    /**
     * {@code qemu:///session}: the user's XDG directories, as libvirt's session daemon lays them
     * out (configs and private data under $XDG_CONFIG_HOME, runtime state under
     * $XDG_RUNTIME_DIR, the cache under $XDG_CACHE_HOME). {@code env} and {@code home} are
     * parameters so that tests need not change the real environment. Dumps go beside the
     * private data ($XDG_CONFIG_HOME/jvirt/qemu/dump), as libvirt's session autoDumpPath.
     */
    static QemuPaths session(Map<String, String> env, Path home) {
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("jvirt");
        Path cache = xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("jvirt");
        // libvirt's virGetUserRuntimeDirectory falls back to the cache directory.
        Path runtime = xdg(env, "XDG_RUNTIME_DIR", null);
        Path run = runtime == null ? cache : runtime.resolve("jvirt");
        return new QemuPaths(config.resolve("qemu"), run.resolve("qemu/run"),
                config.resolve("qemu/lib"), config.resolve("qemu/dump"), cache.resolve("qemu/cache"),
                config.resolve("storage"), run.resolve("storage/run"), config.resolve("qemu/networks"),
                run.resolve("network/run"));
    }

    /** An XDG base directory: the variable when it holds an absolute path (the spec ignores others). */
    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        if (value != null && value.startsWith("/")) {
            return Path.of(value);
        }
        return fallback;
    }
}

package io.jvirt.driver.xen.bench;

/** The operations measured, over the real xenstore or over the in-process floor. */
interface BenchStore extends AutoCloseable {
    byte[] read(String path);

    void write(String path, byte[] value);

    /** Writes the five nodes atomically (a xenstore transaction; a lock on the floor). */
    void writeFive(String[] paths, byte[] value);

    /** Calls {@code onEvent} whenever {@code path} or a node below it is written. */
    void watch(String path, Runnable onEvent);

    @Override
    void close();
}

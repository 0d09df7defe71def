package io.jvirt.driver.xen.xenstore;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The node operations of xenstore, as a client performs them: outside a transaction
 * ({@link XenstoreClient}) or inside one ({@link XsClientTransaction}). Paths are absolute, or
 * relative to the connection's home ({@code /local/domain/<domid>}; Dom0's for socket clients).
 * Failures are {@link XenstoreException}s carrying xenstored's error.
 *
 * @since 0.1
 */
public interface XenstoreOperations {
    /** The node's value, exactly the bytes last written. */
    byte[] read(String path);

    /** The node's value decoded as UTF-8. */
    default String readString(String path) {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /** Writes the value, creating the node and any missing parents. */
    void write(String path, byte[] value);

    /** Writes the string's UTF-8 bytes. */
    default void write(String path, String value) {
        write(path, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates an empty node (and missing parents); an existing node is left as it is. */
    void mkdir(String path);

    /** Removes the node and everything below it; a missing node whose parent exists is fine. */
    void rm(String path);

    /** The names of the node's children, in the order they were created. */
    List<String> directory(String path);

    /** The node's permission list, owner first. */
    List<XsPermission> getPermissions(String path);

    /** Replaces the node's permission list (the first entry names the owner). */
    void setPermissions(String path, List<XsPermission> permissions);

    /** True if the node can be read; false if it does not exist. */
    default boolean exists(String path) {
        try {
            read(path);
            return true;
        } catch (XenstoreException e) {
            if (e.error() == XsError.ENOENT) {
                return false;
            }
            throw e;
        }
    }
}

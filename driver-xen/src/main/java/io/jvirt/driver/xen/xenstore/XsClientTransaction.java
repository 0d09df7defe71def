package io.jvirt.driver.xen.xenstore;

import java.util.List;

/**
 * An open transaction: its operations see a consistent snapshot of the store plus their own
 * changes, which nobody else sees until {@link #commit()}. A commit that conflicts with changes
 * committed meanwhile fails with {@link XsError#EAGAIN} and changes nothing; start over
 * ({@link XenstoreClient#transaction} does that for you). Closing without committing aborts.
 *
 * @since 0.1
 */
public final class XsClientTransaction implements XenstoreOperations, AutoCloseable {
    private final XenstoreClient client;
    private final int id;
    private boolean ended;

    XsClientTransaction(XenstoreClient client, int id) {
        this.client = client;
        this.id = id;
    }

    /** The transaction id the daemon assigned (the header's tx_id). */
    public int id() {
        return id;
    }

    @Override
    public byte[] read(String path) {
        return client.read(id, path);
    }

    @Override
    public void write(String path, byte[] value) {
        client.write(id, path, value);
    }

    @Override
    public void mkdir(String path) {
        client.mkdir(id, path);
    }

    @Override
    public void rm(String path) {
        client.rm(id, path);
    }

    @Override
    public List<String> directory(String path) {
        return client.directory(id, path);
    }

    @Override
    public List<XsPermission> getPermissions(String path) {
        return client.getPermissions(id, path);
    }

    @Override
    public void setPermissions(String path, List<XsPermission> permissions) {
        client.setPermissions(id, path, permissions);
    }

    /**
     * Applies the transaction's changes, all or nothing.
     *
     * @throws XenstoreException EAGAIN on a conflict; ENOSPC if it would exceed a quota
     */
    public void commit() {
        end(true);
    }

    /** Discards the transaction's changes. */
    public void abort() {
        end(false);
    }

    private void end(boolean commit) {
        if (ended) {
            throw new IllegalStateException("transaction " + Integer.toUnsignedString(id) + " already ended");
        }
        ended = true;
        client.endTransaction(id, commit);
    }

    /** Aborts unless already committed or aborted. */
    @Override
    public void close() {
        if (!ended) {
            abort();
        }
    }
}

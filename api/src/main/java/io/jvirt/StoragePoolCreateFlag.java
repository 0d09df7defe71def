package io.jvirt;

/** Flags of {@link StoragePool#start} and {@link Connection#createStoragePool}, libvirt's {@code virStoragePoolCreateFlags}. */
public enum StoragePoolCreateFlag implements Flag {
    /** Build the pool's storage before starting it. */
    WITH_BUILD(1),
    /** Build, overwriting what is there. */
    WITH_BUILD_OVERWRITE(2),
    /** Build, but refuse to overwrite existing data. */
    WITH_BUILD_NO_OVERWRITE(4);

    private final int value;

    StoragePoolCreateFlag(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}

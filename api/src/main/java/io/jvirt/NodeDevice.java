package io.jvirt;

import java.util.List;

/** A device of the host (libvirt's {@code virNodeDevicePtr}): a PCI function, a SCSI host, ... */
public interface NodeDevice {
    /** The connection this handle belongs to. */
    Connection connection();

    /** The device's name ("scsi_host1"). */
    String name();

    /** The parent device's name, or null for the root. */
    String parent();

    /** The capability types the device has ("scsi_host", "fc_host", ...). */
    List<String> capabilities();

    /** The device's XML ({@code <device>}). */
    String xml();
}

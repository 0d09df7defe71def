package io.jvirt;

/**
 * A running domain's security label, libvirt's {@code virSecurityLabel}; virsh's dominfo prints
 * it as {@code Security label: libvirt-test (enforcing)}. An inactive domain has an empty label.
 *
 * @param label     the label ("system_u:system_r:svirt_t:s0:c1,c2"), empty if none
 * @param enforcing whether the security model enforces it
 */
public record SecurityLabel(String label, boolean enforcing) {
}

package io.jvirt;

/**
 * The host's security model, libvirt's {@code virSecurityModel} (the first {@code <secmodel>} of
 * its capabilities); virsh's dominfo prints it as {@code Security model: selinux}. Both are empty
 * when the host has none.
 *
 * @param model the model ("selinux", "apparmor", "dac"), empty if none
 * @param doi   its domain of interpretation ("0"), empty if none
 */
public record SecurityModel(String model, String doi) {
    /** No security model: what a host without one reports. */
    public static final SecurityModel NONE = new SecurityModel("", "");
}

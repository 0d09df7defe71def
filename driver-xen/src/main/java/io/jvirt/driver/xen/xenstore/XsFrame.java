package io.jvirt.driver.xen.xenstore;

/**
 * One message on the wire: the 16-byte {@code struct xsd_sockmsg} header and its payload.
 * {@code type} stays a raw number so that frames of unknown types can be represented and refused.
 */
record XsFrame(int type, int reqId, int txId, byte[] payload) {
}

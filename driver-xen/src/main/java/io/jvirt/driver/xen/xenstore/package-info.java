/**
 * xenstore, the store a Xen host's toolstack, backends and guests meet in: a daemon
 * ({@link io.jvirt.driver.xen.xenstore.XenstoreDaemon}, run on its own by
 * {@link io.jvirt.driver.xen.xenstore.XenstoredMain}) and a client
 * ({@link io.jvirt.driver.xen.xenstore.XenstoreClient}), both speaking the wire protocol of Xen
 * 4.17 ({@code xen/include/public/io/xs_wire.h}) so that Xen's own tools and libraries work
 * with them.
 *
 * <p>The daemon mirrors C xenstored 4.17 ({@code tools/xenstore/xenstored_*.c}); each class
 * names the C function whose behaviour it reproduces. Wire: {@code XsWireCodec},
 * {@code XsPayload}, {@code XsMessageType}. Tree and rules: {@code XsTree}, {@code XsNode},
 * {@code XsPath}, {@code XsPermissions}, {@code XsStore}. Transactions: {@code XsTransaction}.
 * Watches: {@code XsWatches}. Domains: {@code XsDomains}, {@code XsDomainRequests}. Quotas:
 * {@code XsQuota}. Dispatch: {@code XsRequestHandler}, {@code XsControl}.
 */
package io.jvirt.driver.xen.xenstore;

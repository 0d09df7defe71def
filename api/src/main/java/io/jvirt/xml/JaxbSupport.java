package io.jvirt.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One JAXBContext for all of libvirt's documents, built on first use, and small pools of
 * Marshallers and Unmarshallers (JAXBContext is thread-safe and expensive; the other two are
 * cheap-ish but single-threaded).
 */
final class JaxbSupport {
    /** Every root the codec knows; nested classes are found from these. */
    static final Class<?>[] ROOTS = {
        DomainDef.class, NetworkDef.class, StoragePoolDef.class, StorageVolumeDef.class,
        CapabilitiesDef.class, InterfaceDef.class, NodeDeviceDef.class, NodeDef.class,
    };

    /** Enough for a busy server; beyond it, extra instances are simply dropped. */
    private static final int POOL_LIMIT = 16;

    private static final Queue<Unmarshaller> UNMARSHALLERS = new ConcurrentLinkedQueue<>();
    private static final Queue<Marshaller> MARSHALLERS = new ConcurrentLinkedQueue<>();

    private JaxbSupport() {
    }

    /** Initialization-on-demand holder: the context is built once, lazily, without locking. */
    private static final class Holder {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(ROOTS);
            } catch (JAXBException e) {
                throw new IllegalStateException("the jvirt XML model is not a valid JAXB model", e);
            }
        }
    }

    interface JaxbWork<T, R> {
        R run(T worker) throws JAXBException;
    }

    static <R> R withUnmarshaller(JaxbWork<Unmarshaller, R> work) throws JAXBException {
        Unmarshaller u = UNMARSHALLERS.poll();
        if (u == null) {
            u = Holder.CONTEXT.createUnmarshaller();
            // Conversion problems are errors, not silently dropped values.
            u.setEventHandler(event -> event.getSeverity() == ValidationEvent.WARNING);
        }
        try {
            return work.run(u);
        } finally {
            release(UNMARSHALLERS, u);
        }
    }

    static <R> R withMarshaller(JaxbWork<Marshaller, R> work) throws JAXBException {
        Marshaller m = MARSHALLERS.poll();
        if (m == null) {
            m = Holder.CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
        }
        try {
            return work.run(m);
        } finally {
            release(MARSHALLERS, m);
        }
    }

    private static <T> void release(Queue<T> pool, T item) {
        // size() is O(n) on this queue, but n is at most POOL_LIMIT.
        if (pool.size() < POOL_LIMIT) {
            pool.offer(item);
        }
    }
}

package io.jvirt.spi;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.NetworkEventType;
import io.jvirt.StoragePoolEventType;
import io.jvirt.Subscription;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One driver's networks or storage pools, as libvirt's virNetworkObjList and
 * virStoragePoolObjList: the registry, the lookups that answer "no network with matching name",
 * the add that refuses name and UUID clashes, and the lifecycle steps that every driver takes
 * the same way (flags, events, forgetting a transient object once it stops). What a driver does
 * besides (bridges, directories, files: see {@link HostObjectFiles}) stays in the driver.
 *
 * <p>The lifecycle steps expect the caller to hold the object's monitor, as {@link #locked}
 * does; lookups and listings take no driver lock.
 *
 * @param <T> the driver's object type
 * @param <K> the event type ({@link NetworkEventType} or {@link StoragePoolEventType})
 * @param <E> the driver event carrying it
 */
public final class HostObjectList<T extends HostObject, K, E> {
    /**
     * What differs between networks and pools in libvirt's conf layer: the nouns of its
     * messages ("no storage pool with matching name", "pool 'p' already exists"), the code of a
     * failed lookup, the domain of a clash, and the lifecycle events.
     */
    private record Kind<K>(String lookupNoun, String clashNoun, ErrorCode notFound, ErrorDomain domain,
            K defined, K undefined, K started, K stopped) {
    }

    private static final Kind<NetworkEventType> NETWORK = new Kind<>("network", "network",
            ErrorCode.NO_NETWORK, ErrorDomain.NETWORK, NetworkEventType.DEFINED, NetworkEventType.UNDEFINED,
            NetworkEventType.STARTED, NetworkEventType.STOPPED);
    private static final Kind<StoragePoolEventType> STORAGE_POOL = new Kind<>("storage pool", "pool",
            ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE, StoragePoolEventType.DEFINED,
            StoragePoolEventType.UNDEFINED, StoragePoolEventType.STARTED, StoragePoolEventType.STOPPED);

    private final Kind<K> kind;
    private final ErrorDomain lookupDomain;
    private final BiFunction<T, K, E> eventOf;
    private final ObjectRegistry<T> registry = new ObjectRegistry<>(HostObject::name, HostObject::uuid);
    private final EventDispatcher<E> events = new EventDispatcher<>();

    private HostObjectList(Kind<K> kind, ErrorDomain lookupDomain, BiFunction<T, K, E> eventOf) {
        this.kind = kind;
        this.lookupDomain = lookupDomain;
        this.eventOf = eventOf;
    }

    /**
     * A driver's networks; failed lookups and state checks are reported in {@code lookupDomain}
     * (the driver's: libvirt's test driver says VIR_FROM_TEST, its network driver VIR_FROM_NETWORK).
     */
    public static <T extends HostObject> HostObjectList<T, NetworkEventType, DriverNetworkEvent> networks(
            ErrorDomain lookupDomain, Function<T, NetworkRef> refOf) {
        return new HostObjectList<>(NETWORK, lookupDomain, (n, type) -> new DriverNetworkEvent(refOf.apply(n), type));
    }

    /** A driver's storage pools; {@code lookupDomain} as for {@link #networks}. */
    public static <T extends HostObject> HostObjectList<T, StoragePoolEventType, DriverStoragePoolEvent> storagePools(
            ErrorDomain lookupDomain, Function<T, StoragePoolRef> refOf) {
        return new HostObjectList<>(STORAGE_POOL, lookupDomain,
                (p, type) -> new DriverStoragePoolEvent(refOf.apply(p), type));
    }

    // ---- finding ----

    /** The object called {@code name}, or NO_NETWORK / NO_STORAGE_POOL. */
    public T byName(String name) {
        return registry.byName(name).orElseThrow(() -> notFound("name", name));
    }

    /** The object with this UUID, or NO_NETWORK / NO_STORAGE_POOL. */
    public T byUuid(UUID uuid) {
        return registry.byUuid(uuid).orElseThrow(() -> notFound("uuid", uuid.toString()));
    }

    /** The object with this UUID, if there is one. */
    public Optional<T> findByUuid(UUID uuid) {
        return registry.byUuid(uuid);
    }

    private VirtException notFound(String key, String value) {
        return new VirtException(kind.notFound(), lookupDomain,
                "no " + kind.lookupNoun() + " with matching " + key + " '" + value + "'");
    }

    /**
     * Runs {@code action} on the object {@code find} returns, holding its monitor; if the object
     * left the list before the lock was taken (undefined, replaced), looks again.
     */
    public <R> R locked(Supplier<T> find, Function<T, R> action) {
        while (true) {
            T obj = find.get();
            synchronized (obj) {
                if (!obj.isRemoved()) {
                    return action.apply(obj);
                }
            }
        }
    }

    /** OPERATION_INVALID "network 'n' is not active" unless {@code obj} is active. */
    public void requireActive(T obj) {
        if (!obj.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, lookupDomain,
                    kind.lookupNoun() + " '" + obj.name() + "' is not active");
        }
    }

    /**
     * The objects passing a listing's filter (see {@link HostObject#matches}), sorted by name as
     * libvirt's listings are.
     */
    public <F> List<T> list(Set<F> flags, F active, F inactive, F persistent, F transient_, F autostart,
            F noAutostart) {
        List<T> out = new ArrayList<>();
        for (T obj : registry.view()) {
            synchronized (obj) {
                if (!obj.isRemoved() && obj.matches(flags, active, inactive, persistent, transient_, autostart,
                        noAutostart)) {
                    out.add(obj);
                }
            }
        }
        out.sort(Comparator.comparing(HostObject::name));
        return out;
    }

    /** Every object, in no particular order: a live, weakly consistent view, to iterate without copying. */
    public Collection<T> all() {
        return registry.view();
    }

    // ---- adding and removing ----

    /**
     * libvirt's virNetworkObjListAdd / virStoragePoolObjListAdd: the object that already has
     * {@code fresh}'s UUID and name, or {@code fresh}, now added. OPERATION_FAILED if the UUID
     * belongs to another name or the name to another UUID.
     */
    public T addOrFind(T fresh) {
        return addOrFind(fresh, name -> { });
    }

    /** As {@link #addOrFind(HostObject)}, vetting the name with {@code vet} before adding. */
    T addOrFind(T fresh, Consumer<String> vet) {
        String name = fresh.name();
        UUID uuid = fresh.uuid();
        while (true) {
            T existing = registry.byUuid(uuid).orElse(null);
            if (existing != null) {
                if (!existing.name().equals(name)) {
                    throw new VirtException(ErrorCode.OPERATION_FAILED, kind.domain(),
                            kind.clashNoun() + " '" + existing.name() + "' is already defined with uuid " + uuid);
                }
                return existing;
            }
            vet.accept(name);
            ObjectRegistry.Conflict conflict = registry.add(fresh);
            if (conflict == ObjectRegistry.Conflict.NONE) {
                return fresh;
            }
            T holder = conflict == ObjectRegistry.Conflict.NAME ? registry.byName(name).orElse(null) : null;
            if (holder != null) {
                throw alreadyExists(name, holder.uuid());
            }
            // the clash went away, or another caller added this UUID meanwhile: look again
        }
    }

    /** OPERATION_FAILED "pool 'p' already exists with uuid U", libvirt's words for a name clash. */
    public VirtException alreadyExists(String name, UUID uuid) {
        return new VirtException(ErrorCode.OPERATION_FAILED, kind.domain(),
                kind.clashNoun() + " '" + name + "' already exists with uuid " + uuid);
    }

    /** Adds {@code obj} as it is (a host's initial objects); false if its name or UUID is taken. */
    public boolean add(T obj) {
        return registry.add(obj) == ObjectRegistry.Conflict.NONE;
    }

    /** Takes {@code obj} out of the list; handles to it get "not found" from now on. */
    public void remove(T obj) {
        registry.remove(obj);
        obj.markRemoved();
    }

    /** Removes {@code obj} unless it is persistent: a transient object lives only while it runs. */
    public void removeIfTransient(T obj) {
        if (!obj.isPersistent()) {
            remove(obj);
        }
    }

    // ---- lifecycle, the object locked by the caller ----

    /** The object has a persistent definition now: DEFINED. */
    public void defined(T obj) {
        obj.setPersistent(true);
        publish(obj, kind.defined());
    }

    /** The object has lost its persistent definition: UNDEFINED; it is forgotten unless it runs on. */
    public void undefined(T obj) {
        obj.setPersistent(false);
        publish(obj, kind.undefined());
        if (!obj.isActive()) {
            remove(obj);
        }
    }

    /** The object runs: STARTED. */
    public void started(T obj) {
        obj.setActive(true);
        publish(obj, kind.started());
    }

    /** The object stopped: STOPPED; a transient one is forgotten. */
    public void stopped(T obj) {
        obj.setActive(false);
        publish(obj, kind.stopped());
        removeIfTransient(obj);
    }

    // ---- events ----

    /** Queues {@code type} for {@code obj}'s subscribers (building the event only if someone listens). */
    public void publish(T obj, K type) {
        if (events.hasSubscribers()) {
            events.publish(eventOf.apply(obj, type));
        }
    }

    /** Delivers every event of this list to {@code listener} until closed. */
    public Subscription subscribe(Consumer<? super E> listener) {
        return events.subscribe(e -> true, listener);
    }

    // ---- for HostObjectFiles ----

    ErrorDomain domain() {
        return kind.domain();
    }

    /** "network" or "pool", as libvirt's messages about the object's definition name it. */
    String clashNoun() {
        return kind.clashNoun();
    }

    String lookupNoun() {
        return kind.lookupNoun();
    }
}

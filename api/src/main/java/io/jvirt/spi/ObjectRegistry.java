package io.jvirt.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A driver's objects (domains, networks, pools) indexed by name, UUID and, for running domains,
 * id. Lookups are lock-free; changes are serialised so that the three indexes always agree —
 * a name or UUID is never held by two objects, and a removed object is gone from every index.
 *
 * <p>The registry holds the object's identity at insertion (name and UUID never change for a
 * registered object: a rename removes and re-adds). Ids change as domains start and stop; the
 * driver reports them with {@link #setId}.
 *
 * @param <T> the driver's object type
 */
public final class ObjectRegistry<T> {
    private final Function<T, String> nameOf;
    private final Function<T, UUID> uuidOf;
    private final Map<String, T> byName = new ConcurrentHashMap<>();
    private final Map<UUID, T> byUuid = new ConcurrentHashMap<>();
    private final Map<Integer, T> byId = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    /** A registry reading each object's name and UUID with these functions. */
    public ObjectRegistry(Function<T, String> nameOf, Function<T, UUID> uuidOf) {
        this.nameOf = nameOf;
        this.uuidOf = uuidOf;
    }

    /** What {@link #add} found in the way. */
    public enum Conflict {
        /** Nothing: the object was added. */
        NONE,
        /** Another object has the name. */
        NAME,
        /** Another object has the UUID. */
        UUID
    }

    /** Adds {@code obj} unless its name or UUID is taken; says which one was. */
    public Conflict add(T obj) {
        String name = nameOf.apply(obj);
        UUID uuid = uuidOf.apply(obj);
        synchronized (writeLock) {
            if (byName.containsKey(name)) {
                return Conflict.NAME;
            }
            if (byUuid.containsKey(uuid)) {
                return Conflict.UUID;
            }
            byUuid.put(uuid, obj);
            byName.put(name, obj);
            return Conflict.NONE;
        }
    }

    /**
     * Replaces {@code old} by {@code replacement} (same UUID, possibly another name, as a
     * redefinition) if {@code old} is still registered and the new name is free or old's.
     * Returns false, changing nothing, otherwise.
     */
    public boolean replace(T old, T replacement) {
        String oldName = nameOf.apply(old);
        String newName = nameOf.apply(replacement);
        UUID uuid = uuidOf.apply(old);
        if (!uuid.equals(uuidOf.apply(replacement))) {
            throw new IllegalArgumentException("replace keeps the UUID");
        }
        synchronized (writeLock) {
            if (byUuid.get(uuid) != old) {
                return false;
            }
            T holder = byName.get(newName);
            if (holder != null && holder != old) {
                return false;
            }
            byName.remove(oldName);
            byName.put(newName, replacement);
            byUuid.put(uuid, replacement);
            byId.replaceAll((id, o) -> o == old ? replacement : o);
            return true;
        }
    }

    /** Removes {@code obj} from every index; false if it was not registered. */
    public boolean remove(T obj) {
        UUID uuid = uuidOf.apply(obj);
        synchronized (writeLock) {
            if (byUuid.get(uuid) != obj) {
                return false;
            }
            byUuid.remove(uuid);
            byName.remove(nameOf.apply(obj));
            byId.values().removeIf(o -> o == obj);
            return true;
        }
    }

    /**
     * Records that {@code obj} now runs with {@code newId} (or, with -1, stopped), dropping
     * {@code oldId}. Ignored if {@code obj} is no longer registered.
     */
    public void setId(T obj, int oldId, int newId) {
        synchronized (writeLock) {
            if (byUuid.get(uuidOf.apply(obj)) != obj) {
                return;
            }
            if (oldId >= 0) {
                byId.remove(oldId, obj);
            }
            if (newId >= 0) {
                byId.put(newId, obj);
            }
        }
    }

    /** The object called {@code name}. */
    public Optional<T> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The object with this UUID. */
    public Optional<T> byUuid(UUID uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /** The running object with this id. */
    public Optional<T> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A snapshot of every registered object, in no particular order. */
    public List<T> all() {
        return new ArrayList<>(byUuid.values());
    }

    /** A live, weakly consistent view of the registered objects (for iteration without copying). */
    public Collection<T> view() {
        return java.util.Collections.unmodifiableCollection(byUuid.values());
    }

    /** The number of registered objects. */
    public int size() {
        return byUuid.size();
    }
}

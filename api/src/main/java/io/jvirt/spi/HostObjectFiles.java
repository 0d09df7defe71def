package io.jvirt.spi;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a driver keeps its networks or pools between processes, in libvirt's layout: the
 * definition of each persistent object in {@code configDir/NAME.xml}, an autostart link
 * {@code configDir/autostart/NAME.xml} → that file, and the live XML of each active object in
 * {@code stateDir/NAME.xml}, so that the next process finds it active. Its lifecycle steps
 * write the files first and then take {@link HostObjectList}'s step, so a failed write
 * changes nothing.
 *
 * @param <T> the driver's object type
 */
public final class HostObjectFiles<T extends HostObject> {

    private final HostObjectList<T, ?, ?> list;
    private final AtomicConfigStore configs;
    private final AtomicConfigStore states;
    private final Path autostartDir;

    /** The files of {@code list}'s objects; I/O errors are reported in the list's domain. */
    public HostObjectFiles(HostObjectList<T, ?, ?> list, Path configDir, Path stateDir) {
        this.list = list;
        this.configs = new AtomicConfigStore(configDir, list.domain());
        this.states = new AtomicConfigStore(stateDir, list.domain());
        this.autostartDir = configs.directory().resolve("autostart");
    }

    /** What a driver tells {@link #load} about its objects. */
    public interface Loader<T> {
        /** The object {@code xml} defines (checked as a define would), persistent or not. */
        T parse(String xml, boolean persistent);

        /**
         * Whether {@code obj} still runs as its saved live state {@code live} says (its bridge,
         * its directory is there); if so, takes {@code live}'s definition and whatever else an
         * active object holds.
         */
        boolean resume(T obj, T live);

        /** Starts {@code obj}, which is marked autostart and inactive. */
        void autostart(T obj);
    }

    /**
     * Reads the definitions, then the live states (an object whose state no longer holds is
     * inactive, and forgotten if transient), then starts the autostart objects, once per boot of
     * the state directory (libvirt's virDriverShouldAutostart). What can't be read is logged and
     * skipped: one bad file must not hide the others.
     */
    public void load(Loader<T> loader) {
        for (String name : configs.names()) {
            try {
                T obj = loader.parse(configs.read(name).orElseThrow(), true);
                obj.setAutostart(Files.exists(autostartLink(name), LinkOption.NOFOLLOW_LINKS));
                list.add(obj);
            } catch (RuntimeException e) {
                log().log(System.Logger.Level.WARNING, "ignoring unreadable " + list.clashNoun() + " config "
                        + configs.pathOf(name), e);
            }
        }
        for (String name : states.names()) {
            try {
                T live = loader.parse(states.read(name).orElseThrow(), false);
                T obj = list.findByUuid(live.uuid()).orElse(null);
                if (obj == null) {
                    obj = live;
                    list.add(obj);
                }
                if (loader.resume(obj, live)) {
                    obj.setActive(true);
                } else {
                    states.delete(name);
                    list.removeIfTransient(obj);
                }
            } catch (RuntimeException e) {
                log().log(System.Logger.Level.WARNING, "ignoring unreadable " + list.clashNoun() + " state "
                        + states.pathOf(name), e);
            }
        }
        if (firstStartSinceBoot()) {
            for (T obj : list.all()) {
                if (obj.autostart() && !obj.isActive()) {
                    try {
                        loader.autostart(obj);
                    } catch (RuntimeException e) {
                        log().log(System.Logger.Level.WARNING, "cannot autostart " + list.lookupNoun() + " "
                                + obj.name(), e);
                    }
                }
            }
        }
    }

    /** A marker in the state directory, which a reboot empties, says autostart has happened. */
    private boolean firstStartSinceBoot() {
        try {
            Files.createDirectories(states.directory());
            Files.createFile(states.directory().resolve("autostarted"));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            return false; // can't record it: don't autostart twice
        }
    }

    /** {@link HostObjectList#addOrFind}, refusing first a name that can't be a file name (INVALID_ARG). */
    public T addOrFind(T fresh) {
        return list.addOrFind(fresh, configs::pathOf);
    }

    // ---- lifecycle, the object locked by the caller ----

    /**
     * Writes {@code obj}'s definition. The caller then installs it in the object and calls
     * {@link HostObjectList#defined}; a failed write leaves the object as it was.
     */
    public void writeConfig(T obj, String xml) {
        configs.write(obj.name(), xml);
    }

    /** Drops the definition and the autostart link: {@link HostObjectList#undefined}. */
    public void undefine(T obj) {
        setAutostart(obj, false);
        configs.delete(obj.name());
        list.undefined(obj);
    }

    /** Saves the live XML, then {@link HostObjectList#started}. */
    public void started(T obj, String liveXml) {
        states.write(obj.name(), liveXml);
        list.started(obj);
    }

    /** Drops the live XML, then {@link HostObjectList#stopped}. */
    public void stopped(T obj) {
        states.delete(obj.name());
        list.stopped(obj);
    }

    /** The autostart link, as libvirt's: autostart/NAME.xml → ../NAME.xml; only for a persistent object. */
    public void setAutostart(T obj, boolean autostart) {
        if (!obj.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, list.domain(),
                    "cannot set autostart for transient " + list.clashNoun());
        }
        Path link = autostartLink(obj.name());
        try {
            if (autostart && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(autostartDir);
                Files.createSymbolicLink(link, configs.pathOf(obj.name()));
            } else if (!autostart) {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, list.domain(),
                    "cannot change autostart link '" + link + "': " + e.getMessage(), e);
        }
        obj.setAutostart(autostart);
    }

    private Path autostartLink(String name) {
        return autostartDir.resolve(name + ".xml");
    }

    /**
     * Looked up when first needed: the first System.Logger of a process scans every jar for a
     * logging backend, about 20 ms of a jvirsh command that never logs.
     */
    private static System.Logger log() {
        return System.getLogger(HostObjectFiles.class.getName());
    }
}

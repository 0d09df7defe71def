package io.jvirt.driver.xen.xenstore;

/**
 * A registered watch: the absolute path (or special {@code @...} name) it covers, the caller's
 * token, and the home its path was relative to, if it was (then events are reported relative
 * to that home too, as the caller wrote them).
 */
record XsWatch(String path, String token, String relativeBase) {

    /** The path an event for a change of {@code changed} reports ({@code get_watch_path}). */
    String eventPath(String changed) {
        if (relativeBase == null) {
            return changed;
        }
        String p = changed.substring(relativeBase.length());
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /** True if a change of {@code changed} concerns this watch. */
    boolean matches(String changed, boolean exact) {
        return exact ? changed.equals(path) : XsPath.isChild(changed, path);
    }
}

package io.jvirt.driver.xen.xenstore;

/**
 * Node names as xenstored 4.17 checks them ({@code is_valid_nodename}, {@code canonicalize},
 * {@code get_parent}, and the watches' {@code is_child}).
 */
final class XsPath {
    /** {@code XENSTORE_REL_PATH_MAX}: also the default of xenstored's path-length quota. */
    static final int REL_PATH_MAX = 2048;

    private static final String LOCAL_DOMAIN = "/local/domain/";

    private XsPath() {
    }

    /**
     * A relative path (not starting with {@code /} or {@code @}) resolved against the caller's
     * home, {@code /local/domain/<domid>}; socket clients have Dom0's home.
     */
    static String canonicalize(String path, String home) {
        if (path == null || path.startsWith("/") || path.startsWith("@")) {
            return path;
        }
        return home + "/" + path;
    }

    /**
     * True if {@code path} is an absolute node name xenstored accepts: it starts with
     * {@code /}, does not end in one (except the root), has no {@code //}, uses only letters,
     * digits and {@code -/_@}, and the part after {@code /local/domain/<domid>/} is at most
     * {@code pathMax} long. So {@code ..}, {@code .}, spaces and NULs are all refused.
     */
    static boolean isValid(String path, int pathMax) {
        if (!path.startsWith("/")) {
            return false;
        }
        if (path.endsWith("/") && !path.equals("/")) {
            return false;
        }
        if (path.contains("//")) {
            return false;
        }
        if (path.length() > localOffset(path) + pathMax) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '/' || c == '_' || c == '@';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Length of a leading {@code /local/domain/<domid>/}, else 0. Mirrors
     * {@code sscanf(node, "/local/domain/%5u/%n", ...)}: at most five characters of number,
     * sign included. (It would also skip white space, which no valid name contains.)
     */
    static int localOffset(String path) {
        if (!path.startsWith(LOCAL_DOMAIN)) {
            return 0;
        }
        int i = LOCAL_DOMAIN.length();
        int width = 0;
        if (i < path.length() && (path.charAt(i) == '-' || path.charAt(i) == '+')) {
            i++;
            width++;
        }
        int digits = 0;
        while (i < path.length() && width < 5 && Character.isDigit(path.charAt(i))
                && path.charAt(i) < 128) {
            i++;
            width++;
            digits++;
        }
        if (digits == 0 || i >= path.length() || path.charAt(i) != '/') {
            return 0;
        }
        return i + 1;
    }

    /** The parent's name; the root's parent is the root. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** The last component (the child name the parent lists). */
    static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String child(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }

    /** True if {@code path} is {@code ancestor} or below it; everything is below the root. */
    static boolean isChild(String path, String ancestor) {
        if (ancestor.equals("/")) {
            return true;
        }
        return path.startsWith(ancestor)
                && (path.length() == ancestor.length() || path.charAt(ancestor.length()) == '/');
    }

    /** {@code /local/domain/<domid>}, with the domid printed unsigned as xenstored does. */
    static String domainPath(int domid) {
        return LOCAL_DOMAIN + Integer.toUnsignedString(domid);
    }
}

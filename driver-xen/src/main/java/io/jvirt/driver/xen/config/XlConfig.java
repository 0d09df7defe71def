package io.jvirt.driver.xen.config;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An xl.cfg file as an ordered map of settings. Setting a key again replaces its value but keeps
 * its first position, the way xl treats duplicates (the last assignment wins).
 */
final class XlConfig {
    private final Map<String, XlValue> settings = new LinkedHashMap<>();

    static XlConfig parse(String text) {
        return new XlParser(text).parse();
    }

    String write() {
        return XlWriter.write(this);
    }

    Map<String, XlValue> settings() {
        return Collections.unmodifiableMap(settings);
    }

    boolean has(String key) {
        return settings.containsKey(key);
    }

    XlValue get(String key) {
        return settings.get(key);
    }

    void put(String key, XlValue value) {
        settings.put(key, value);
    }

    void remove(String key) {
        settings.remove(key);
    }

    void putString(String key, String value) {
        if (value != null) {
            settings.put(key, new XlValue.Str(value));
        }
    }

    void putLong(String key, long value) {
        settings.put(key, new XlValue.Num(Long.toString(value)));
    }

    void putStrings(String key, List<String> values) {
        List<XlValue> items = new ArrayList<>();
        values.forEach(v -> items.add(new XlValue.Str(v)));
        settings.put(key, new XlValue.ListVal(items));
    }

    /** A string setting; a number is accepted too, as xl's own lookups are lenient there. */
    String getString(String key) {
        XlValue v = settings.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof XlValue.Str s) {
            return s.value();
        }
        if (v instanceof XlValue.Num n) {
            return n.literal();
        }
        throw malformed("config value " + key + " was not a string");
    }

    /** A number setting; a numeric string is accepted, as libvirt's xenConfigGetULong does. */
    Long getLong(String key) {
        XlValue v = settings.get(key);
        if (v == null) {
            return null;
        }
        try {
            if (v instanceof XlValue.Num n) {
                return n.asLong();
            }
            if (v instanceof XlValue.Str s) {
                return Long.parseLong(s.value().trim());
            }
        } catch (NumberFormatException e) {
            throw malformed("config value " + key + " was malformed");
        }
        throw malformed("config value " + key + " was malformed");
    }

    long getLong(String key, long dflt) {
        Long v = getLong(key);
        return v == null ? dflt : v;
    }

    /** xl's booleans are numbers: anything but 0 is true. */
    boolean getBool(String key, boolean dflt) {
        Long v = getLong(key);
        return v == null ? dflt : v != 0;
    }

    /** The strings of a list setting; a lone string counts as a one-element list, as in xl. */
    List<String> getStrings(String key) {
        XlValue v = settings.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof XlValue.Str s) {
            return List.of(s.value());
        }
        if (v instanceof XlValue.ListVal l) {
            List<String> out = new ArrayList<>();
            for (XlValue item : l.items()) {
                if (!(item instanceof XlValue.Str s)) {
                    throw malformed("config value " + key + " must be a list of strings");
                }
                out.add(s.value());
            }
            return out;
        }
        throw malformed("config value " + key + " must be a list of strings");
    }

    /**
     * A setting of the wrong kind or a required one missing: libvirt's xenConfigGet* helpers
     * report these as INTERNAL_ERROR ("config value %s was malformed").
     */
    static VirtException malformed(String detail) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XEN, detail);
    }

    /** Something the mapping can't express: CONFIG_UNSUPPORTED, as libvirt's xen_xl.c says. */
    static VirtException invalid(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.XENXL, detail);
    }
}

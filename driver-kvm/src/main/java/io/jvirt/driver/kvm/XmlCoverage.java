package io.jvirt.driver.kvm;

import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;
import io.jvirt.xml.MetadataDef;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Lists every element and attribute present in a parsed XML model as a path such as
 * {@code devices/disk/driver/@cache}, typed or not. The argv builder compares this list with
 * what it implements, so nothing in a domain is silently dropped, including what a newer api
 * module types and this driver has not learnt yet.
 */
final class XmlCoverage {
    private XmlCoverage() {
    }

    /** The paths present under {@code model}, in document order, relative to its element. */
    static Set<String> paths(Object model) {
        Set<String> out = new LinkedHashSet<>();
        walk(model, "", out);
        return out;
    }

    private static void walk(Object bean, String prefix, Set<String> out) {
        if (bean instanceof MetadataDef) {
            return; // the user's own data; no hypervisor meaning, stored as is
        }
        for (Class<?> c = bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()
                        || f.isAnnotationPresent(XmlTransient.class)
                        || f.isAnnotationPresent(XmlValue.class)) {
                    continue;
                }
                Object value = read(f, bean);
                if (value == null) {
                    continue;
                }
                if (f.isAnnotationPresent(XmlAnyAttribute.class)) {
                    for (QName q : ((Map<?, ?>) value).keySet().stream().map(QName.class::cast).toList()) {
                        out.add(prefix + "@" + qualified(q.getPrefix(), q.getLocalPart()));
                    }
                } else if (f.isAnnotationPresent(XmlAnyElement.class)) {
                    for (Object item : (Collection<?>) value) {
                        if (item instanceof Element e) {
                            dom(e, prefix, out); // strings here are mixed text content
                        }
                    }
                } else if (f.isAnnotationPresent(XmlAttribute.class)) {
                    out.add(prefix + "@" + name(f.getAnnotation(XmlAttribute.class).name(), f));
                } else {
                    XmlElement x = f.getAnnotation(XmlElement.class);
                    String path = prefix + name(x == null ? "##default" : x.name(), f);
                    Collection<?> items = value instanceof Collection<?> col ? col : java.util.List.of(value);
                    for (Object item : items) {
                        out.add(path);
                        if (item.getClass().getPackageName().equals(MetadataDef.class.getPackageName())) {
                            walk(item, path + "/", out);
                        }
                    }
                }
            }
        }
    }

    private static void dom(Element e, String prefix, Set<String> out) {
        String path = prefix + qualified(e.getPrefix(), e.getLocalName() != null ? e.getLocalName() : e.getNodeName());
        out.add(path);
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            String n = a.getNodeName();
            if (!n.equals("xmlns") && !n.startsWith("xmlns:")) {
                out.add(path + "/@" + n);
            }
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element ce) {
                dom(ce, path + "/", out);
            }
        }
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String name(String annotated, Field f) {
        return "##default".equals(annotated) ? f.getName() : annotated;
    }

    private static Object read(Field f, Object bean) {
        try {
            f.setAccessible(true); // api's model beans, on the class path
            Object v = f.get(bean);
            if (v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()) {
                return null;
            }
            return v;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}

package io.jvirt.xml;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.ListIterator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Visits every text of a parsed model, to remove {@link ParseFilter#KEEP_MARKER}s. */
final class ModelWalker {
    private static final String MARKER = String.valueOf(ParseFilter.KEEP_MARKER);

    private ModelWalker() {
    }

    static void stripMarkers(Object bean) {
        for (Class<?> c = bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true); // our own package's beans
                Object value;
                try {
                    value = field.get(bean);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (value instanceof List) {
                    stripList((List<?>) value);
                } else if (value instanceof String && ((String) value).contains(MARKER)) {
                    set(field, bean, ((String) value).replace(MARKER, ""));
                } else {
                    stripValue(value);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void stripList(List<?> list) {
        ListIterator<Object> it = ((List<Object>) list).listIterator();
        while (it.hasNext()) {
            Object item = it.next();
            if (item instanceof String && ((String) item).contains(MARKER)) {
                it.set(((String) item).replace(MARKER, ""));
            } else {
                stripValue(item);
            }
        }
    }

    private static void stripValue(Object value) {
        if (value instanceof Element) {
            stripDom((Element) value);
        } else if (value != null && value.getClass().getPackage() == ModelWalker.class.getPackage()) {
            stripMarkers(value);
        }
    }

    /** Removes markers from a DOM subtree (e.g. a parsed fragment). */
    static void stripDom(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                String text = child.getNodeValue();
                if (text.contains(MARKER)) {
                    child.setNodeValue(text.replace(MARKER, ""));
                }
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                stripDom(child);
            }
        }
    }

    private static void set(Field field, Object bean, Object value) {
        try {
            field.set(bean, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

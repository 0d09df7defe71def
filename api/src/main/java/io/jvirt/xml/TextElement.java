package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * The base of model classes whose element carries text, such as
 * {@code <memory unit='KiB'>1024</memory>} or {@code <type arch='x86_64'>hvm</type>}.
 *
 * <p>The text is {@link #getText()}; typed attributes are properties of the subclass. Like
 * {@link ExtensibleElement} it is lossless: untyped attributes are kept in
 * {@link #getExtraAttributes()}, and any child elements are kept, interleaved with the text, in
 * {@link #getContent()}.
 */
@XmlTransient
public abstract class TextElement {
    // Mixed content keeps text and (rare) child elements together in document order, which is
    // the only way JAXB allows element wildcards next to text.
    @XmlMixed
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    @XmlAnyAttribute
    private Map<QName, String> extraAttributes = new LinkedHashMap<>();

    protected TextElement() {
    }

    protected TextElement(String text) {
        setText(text);
    }

    /** The element's text (all text pieces joined); "" when it has none. */
    public String getText() {
        StringBuilder text = new StringBuilder();
        for (Object item : content) {
            if (item instanceof String) {
                text.append((String) item);
            }
        }
        return text.toString();
    }

    /** Replaces the element's text, keeping any child elements. */
    public void setText(String text) {
        content.removeIf(item -> item instanceof String);
        if (text != null) {
            content.add(0, text);
        }
    }

    /** Text pieces ({@code String}) and child elements ({@code Element}) in document order. */
    public List<Object> getContent() {
        return content;
    }

    /** Child elements, if any (libvirt's text elements normally have none). A copy. */
    public List<Element> getExtraElements() {
        List<Element> elements = new ArrayList<>();
        for (Object item : content) {
            if (item instanceof Element) {
                elements.add((Element) item);
            }
        }
        return elements;
    }

    /** Attributes the model does not type, in document order. Live, mutable. */
    public Map<QName, String> getExtraAttributes() {
        return extraAttributes;
    }

    /** The value of an untyped attribute without namespace, or null. */
    public String getExtraAttribute(String localName) {
        return extraAttributes.get(new QName(localName));
    }

    /** Sets (or with null removes) an untyped attribute without namespace. */
    public void setExtraAttribute(String localName, String value) {
        if (value == null) {
            extraAttributes.remove(new QName(localName));
        } else {
            extraAttributes.put(new QName(localName), value);
        }
    }

    @Override
    public String toString() {
        return getText();
    }
}

package io.jvirt.xml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * An element whose children are named flags, such as a guest's
 * {@code <features><pae/><acpi default='on' toggle='yes'/></features>} or
 * {@code <power_management><suspend_mem/></power_management>}. The flags are elements in
 * {@link #getExtraElements()}; {@link #add} and {@link #names} make them easy to use.
 */
public class FeatureListDef extends ExtensibleElement {
    /** Appends {@code <name/>} and returns it (to set attributes such as {@code default}). */
    public Element add(String name) {
        Element element = DomElements.newElement(name);
        getExtraElements().add(element);
        return element;
    }

    /** The flag names in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Element element : getExtraElements()) {
            names.add(element.getLocalName() != null ? element.getLocalName() : element.getTagName());
        }
        return names;
    }

}

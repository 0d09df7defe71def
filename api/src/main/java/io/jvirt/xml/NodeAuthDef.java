package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <auth>} of a test-driver node file.
 */
public class NodeAuthDef extends ExtensibleElement {
    @XmlElement(name = "user")
    private List<NodeAuthUserDef> users = new ArrayList<>();

    /** The {@code <user>} children, in document order. Live, mutable. */
    public List<NodeAuthUserDef> getUsers() {
        return users;
    }
}

package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A fake login {@code <user password='secret'>name</user>} of a test-driver node file.
 */
public class NodeAuthUserDef extends TextElement {
    @XmlAttribute(name = "password")
    private String password;

    /** The user name (the element's text). */
    public String getName() {
        return getText();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * The firmware {@code <loader readonly='yes' type='pflash'>/path</loader>}.
 */
public class LoaderDef extends TextElement {
    @XmlAttribute(name = "readonly")
    private String readonly;

    @XmlAttribute(name = "secure")
    private String secure;

    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "stateless")
    private String stateless;

    public String getReadonly() {
        return readonly;
    }

    public void setReadonly(String readonly) {
        this.readonly = readonly;
    }

    public String getSecure() {
        return secure;
    }

    public void setSecure(String secure) {
        this.secure = secure;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStateless() {
        return stateless;
    }

    public void setStateless(String stateless) {
        this.stateless = stateless;
    }
}

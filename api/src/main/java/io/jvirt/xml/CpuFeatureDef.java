package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A CPU {@code <feature policy='require' name='vmx'/>}.
 */
public class CpuFeatureDef extends ExtensibleElement {
    @XmlAttribute(name = "policy")
    private String policy;

    @XmlAttribute(name = "name")
    private String name;

    public CpuFeatureDef() {
    }

    public CpuFeatureDef(String policy, String name) {
        this.policy = policy;
        this.name = name;
    }

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}

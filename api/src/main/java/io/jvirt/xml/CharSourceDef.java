package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAttribute;

/**
 * A character device's {@code <source>}: a path, a socket ({@code mode}, {@code host}, {@code service}), ...
 */
public class CharSourceDef extends ExtensibleElement {
    @XmlAttribute(name = "mode")
    private String mode;

    @XmlAttribute(name = "host")
    private String host;

    @XmlAttribute(name = "service")
    private String service;

    @XmlAttribute(name = "path")
    private String path;

    @XmlAttribute(name = "append")
    private String append;

    @XmlAttribute(name = "channel")
    private String channel;

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getAppend() {
        return append;
    }

    public void setAppend(String append) {
        this.append = append;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}

package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlElement;

/**
 * The host NUMA {@code <topology>}.
 */
public class CapsTopologyDef extends ExtensibleElement {
    @XmlElement(name = "cells")
    private CapsCellsDef cells;

    public CapsCellsDef getCells() {
        return cells;
    }

    public void setCells(CapsCellsDef cells) {
        this.cells = cells;
    }
}

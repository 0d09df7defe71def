package io.jvirt.xml;

/**
 * A host device's {@code <source>}; its content (a PCI {@code <address>}, USB
 * {@code <vendor>}/{@code <product>}, an {@code <adapter>}, ...) stays untyped.
 */
public class HostdevSourceDef extends ExtensibleElement {
}

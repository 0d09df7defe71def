package io.jvirt.xml;

/**
 * An element whose presence is the information, such as a disk's {@code <readonly/>}. Owners
 * expose it as a boolean ({@code isReadonly()}); the element itself only matters for the rare
 * attribute it may carry, which stays in {@link #getExtraAttributes()}.
 */
public class FlagDef extends ExtensibleElement {
}

/**
 * libvirt's XML formats as mutable Java beans, with a safe parser and a formatter that writes
 * exactly what libvirt writes.
 *
 * <h2>Reading and writing</h2>
 * <pre>{@code
 * DomainDef def = LibvirtXml.parseDomain(xml);        // any <domain> document
 * DomainDefChecks.forArch("x86_64").apply(def);       // libvirt's checks and defaults
 * def.getDevices().getDisks().get(0).getTarget().getDev();
 * String out = LibvirtXml.format(def);                // libvirt's byte layout
 * }</pre>
 *
 * <h2>Three promises</h2>
 * <ul>
 * <li><b>Lossless.</b> Every model class keeps what it does not model: unknown child elements
 *     as DOM {@link org.w3c.dom.Element}s ({@code getExtraElements()}) and unknown attributes
 *     ({@code getExtraAttributes()}), so hypervisor namespaces such as {@code qemu:commandline}
 *     and elements newer than this model survive parse, format and parse again.</li>
 * <li><b>libvirt's layout.</b> {@link LibvirtXml#format} writes 2-space indentation,
 *     single-quoted attributes, libvirt's escaping and libvirt's element order, so the text can
 *     be compared byte for byte with {@code virsh dumpxml}.</li>
 * <li><b>Safe.</b> Parsing refuses DTDs and entities, bounds the document size and nesting, and
 *     reports bad XML as {@link io.jvirt.VirtException} with {@link io.jvirt.ErrorCode#XML_ERROR}
 *     naming line and column.</li>
 * </ul>
 *
 * <p>The codec is purely syntactic: it does not fill defaults or reject semantically wrong
 * documents. {@link DomainDefChecks} does that, with libvirt's error codes and wording;
 * {@link Units} converts libvirt's scaled sizes ({@code unit='MiB'}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
package io.jvirt.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

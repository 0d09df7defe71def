package io.jvirt.driver.xen;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import io.jvirt.driver.xen.config.XenXlConverter;
import io.jvirt.spi.HypervisorDriver;
import io.jvirt.xml.DomainDef;
import io.jvirt.xml.LibvirtXml;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The Xen driver's hypervisor table. Part 1 of the driver knows the host and the native config
 * format; everything about domains is still libvirt's NO_SUPPORT (the interface's defaults).
 */
final class XenHypervisor implements HypervisorDriver {
    /**
     * Xen 4.17.0 as major * 1,000,000 + minor * 1,000 + micro: the release whose xenstore wire
     * protocol, quotas and xl.cfg syntax this driver reproduces (and whose xenstore-utils the
     * tests run against), so it is the Xen a caller is talking to.
     */
    static final long XEN_VERSION = 4_017_000L;
    /** libvirt's XEN_CONFIG_FORMAT_XM: known to libvirt, not converted by jvirt yet. */
    private static final String FORMAT_XM = "xen-xm";
    /** libvirt's XEN_CONFIG_FORMAT_SEXPR: xend's format, which libvirt no longer converts. */
    private static final String FORMAT_SEXPR = "xen-sxpr";

    private static final Set<String> GUEST_OS_TYPES = Set.of("xen", "xenpvh", "hvm");
    private static final Set<String> GUEST_ARCHES = Set.of("x86_64", "i686");

    private final XenHost host;

    XenHypervisor(XenHost host) {
        this.host = host;
    }

    @Override
    public String type() {
        return "Xen";
    }

    @Override
    public long version() {
        return XEN_VERSION;
    }

    @Override
    public String hostname() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public boolean isAlive() {
        return host.isAlive();
    }

    /** libxlConnectDomainXMLFromNative: the format is checked first, then the config parsed. */
    @Override
    public String domainXmlFromNative(String format, String config) {
        requireNonNull(format, "nativeFormat", "virConnectDomainXMLFromNative");
        requireNonNull(config, "nativeConfig", "virConnectDomainXMLFromNative");
        switch (format) {
            case XenXlConverter.FORMAT -> {
                return XenXlConverter.toDomainXml(config);
            }
            case FORMAT_XM -> throw xmNotSupported();
            case FORMAT_SEXPR -> throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.LIBXL,
                    "conversion from 'xen-sxpr' format is no longer supported");
            default -> throw unsupportedFormat(format);
        }
    }

    /** libxlConnectDomainXMLToNative: the XML is parsed before the format is looked at. */
    @Override
    public String domainXmlToNative(String format, String xml) {
        requireNonNull(format, "nativeFormat", "virConnectDomainXMLToNative");
        requireNonNull(xml, "domainXml", "virConnectDomainXMLToNative");
        DomainDef def = LibvirtXml.parseDomain(xml);
        requireXenGuest(def);
        switch (format) {
            case XenXlConverter.FORMAT -> {
                return XenXlConverter.toXl(def);
            }
            case FORMAT_XM -> throw xmNotSupported();
            default -> throw unsupportedFormat(format);
        }
    }

    /**
     * libvirt validates the parsed XML against the libxl driver's capabilities, which offer
     * only Xen guests (PV, PVH, HVM) on x86; anything else is INVALID_ARG, worded as its
     * virCapabilitiesDomainDataLookup does.
     */
    private static void requireXenGuest(DomainDef def) {
        String osType = def.getOsType() == null ? "xen" : def.getOsType().equals("linux") ? "xen" : def.getOsType();
        String arch = def.getOs() == null ? null : def.getOs().getArch();
        boolean supported = "xen".equals(def.getType()) && GUEST_OS_TYPES.contains(osType)
                && (arch == null || GUEST_ARCHES.contains(arch));
        if (!supported) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CAPABILITIES,
                    "could not find capabilities for ostype=" + osType + " " + (arch == null ? "" : "arch=" + arch + " ")
                            + "domaintype=" + def.getType() + " ");
        }
    }

    private static void requireNonNull(String value, String name, String api) {
        if (value == null) {
            // libvirt's virCheckNonNullArgGoto wording
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, name + " in " + api + " must not be NULL");
        }
    }

    private static VirtException unsupportedFormat(String format) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LIBXL, "unsupported config type " + format);
    }

    private static VirtException xmNotSupported() {
        return new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.LIBXL,
                "conversion to and from 'xen-xm' format is not supported by jvirt yet; use 'xen-xl'");
    }
}

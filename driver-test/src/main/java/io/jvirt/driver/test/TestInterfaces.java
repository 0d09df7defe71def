package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.Flag;
import io.jvirt.ListInterfacesFlag;
import io.jvirt.VirtException;
import io.jvirt.spi.HostObject;
import io.jvirt.spi.InterfaceDriver;
import io.jvirt.spi.InterfaceRef;
import io.jvirt.xml.LibvirtXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The test driver's host interface table (listing and reading; libvirt's testInterfaceDriver). */
final class TestInterfaces implements InterfaceDriver {
    private final TestHost host;

    TestInterfaces(TestHost host) {
        this.host = host;
    }

    @Override
    public List<InterfaceRef> listAllInterfaces(Set<ListInterfacesFlag> flags) {
        TestHypervisor.checkFlags(Flag.mask(flags), 0x3, "testConnectListAllInterfaces");
        List<TestInterface> out = new ArrayList<>();
        for (TestInterface i : host.interfaces.values()) {
            if (HostObject.pair(flags, ListInterfacesFlag.ACTIVE, ListInterfacesFlag.INACTIVE, i.active())) {
                out.add(i);
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out.stream().map(TestInterface::ref).toList();
    }

    @Override
    public InterfaceRef lookupInterfaceByName(String name) {
        return find(name).ref();
    }

    private TestInterface find(String name) {
        TestInterface i = host.interfaces.get(name);
        if (i == null) {
            throw new VirtException(ErrorCode.NO_INTERFACE, ErrorDomain.TEST,
                    "no interface with matching name '" + name + "'");
        }
        return i;
    }

    @Override
    public InterfaceRef lookupInterfaceByMac(String mac) {
        List<TestInterface> found = new ArrayList<>();
        for (TestInterface i : host.interfaces.values()) {
            if (mac.equalsIgnoreCase(i.mac())) {
                found.add(i);
            }
        }
        if (found.isEmpty()) {
            throw new VirtException(ErrorCode.NO_INTERFACE, ErrorDomain.TEST,
                    "no interface with matching mac '" + mac + "'");
        }
        if (found.size() > 1) {
            throw new VirtException(ErrorCode.MULTIPLE_INTERFACES, ErrorDomain.TEST, null);
        }
        return found.get(0).ref();
    }

    @Override
    public String interfaceXml(InterfaceRef ref, boolean inactive) {
        TestHypervisor.checkFlags(inactive ? 1 : 0, 1, "testInterfaceGetXMLDesc");
        return LibvirtXml.format(find(ref.name()).def());
    }

    @Override
    public boolean interfaceIsActive(InterfaceRef ref) {
        return find(ref.name()).active();
    }
}

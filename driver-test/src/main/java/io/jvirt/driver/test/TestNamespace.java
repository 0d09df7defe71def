package io.jvirt.driver.test;

import io.jvirt.DomainState;
import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import org.w3c.dom.Element;

/**
 * The test driver's own domain XML elements, libvirt's testDomainDefNamespaceParse:
 * {@code <test:runstate>N</test:runstate>} (the state a node file's domain starts in, running by
 * default), {@code <test:transient/>} and {@code <test:hasmanagedsave/>}. They stay in the
 * definition (and so in its XML) like any other element.
 */
record TestNamespace(DomainState runstate, boolean isTransient, boolean hasManagedSave) {

    static TestNamespace of(DomainConfig def) {
        boolean isTransient = def.testElement("transient") != null;
        boolean managedSave = def.testElement("hasmanagedsave") != null;
        DomainState runstate = DomainState.RUNNING;
        Element rs = def.testElement("runstate");
        if (rs != null) {
            String text = rs.getTextContent().trim();
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw xml("invalid runstate");
            }
            if (value < 0) {
                throw xml("invalid runstate");
            }
            if (value >= DomainState.values().length) {
                throw xml("runstate '" + value + "' out of range'");
            }
            runstate = DomainState.of((int) value);
        }
        if (isTransient && runstate == DomainState.SHUTOFF) {
            throw xml("transient domain cannot have runstate 'shutoff'");
        }
        if (managedSave && runstate != DomainState.SHUTOFF) {
            throw xml("domain with managedsave data can only have runstate 'shutoff'");
        }
        return new TestNamespace(runstate, isTransient, managedSave);
    }

    private static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST, detail);
    }
}

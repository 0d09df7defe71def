package io.jvirt.xml;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import javax.xml.XMLConstants;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.sax.SAXSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;

/**
 * Single elements outside a model document: device snippets for attach/detach and
 * applications' {@code <metadata>} elements. Read with the same hardened parser as documents,
 * written with the same libvirt layout.
 */
final class Fragments {
    private static final TransformerFactory TRANSFORMERS = newFactory();

    private Fragments() {
    }

    private static TransformerFactory newFactory() {
        // The JDK's own transformer, not whatever a ServiceLoader finds on the class path.
        TransformerFactory f = TransformerFactory.newDefaultInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("no secure XML transformer available", e);
        }
        return f;
    }

    private static Transformer identity() {
        try {
            synchronized (TRANSFORMERS) {
                return TRANSFORMERS.newTransformer();
            }
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Element parse(String xml) {
        SafeXmlReader.checkSize(xml);
        ParseFilter filter = SafeXmlReader.newFilter(null);
        DOMResult result = new DOMResult();
        try {
            identity().transform(new SAXSource(filter, SafeXmlReader.input(xml)), result);
        } catch (TransformerException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, where(e, filter.locator()) + reason(e), e);
        } finally {
            SafeXmlReader.release(filter);
        }
        Element root = ((Document) result.getNode()).getDocumentElement();
        if (filter.markersUsed()) {
            ModelWalker.stripDom(root);
        }
        return root;
    }

    static String format(Element element) {
        TreeNode root = tree(element);
        // A device snippet is laid out as it would be inside <devices>.
        String path = FormatRules.childPath(null, root);
        if (path != null && FormatRules.isDevice(root.localName)) {
            path = "domain/devices/" + root.localName;
        }
        return LibvirtXmlWriter.write(root, path);
    }

    static String formatLibxml(Element element) {
        return LibvirtXmlWriter.writeLibxml(tree(element));
    }

    private static TreeNode tree(Element element) {
        TreeBuilder tree = new TreeBuilder();
        try {
            identity().transform(new DOMSource(element), new SAXResult(tree));
        } catch (TransformerException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                    "cannot format element: " + e.getMessage(), e);
        }
        return tree.root();
    }

    private static String where(TransformerException e, Locator locator) {
        Throwable c = e.getException() != null ? e.getException() : e.getCause();
        if (c instanceof SAXParseException spe && spe.getLineNumber() >= 0) {
            return "at line " + spe.getLineNumber() + ", column " + spe.getColumnNumber() + ": ";
        }
        if (locator != null && locator.getLineNumber() >= 0) {
            return "at line " + locator.getLineNumber() + ", column " + locator.getColumnNumber() + ": ";
        }
        return "";
    }

    private static String reason(TransformerException e) {
        Throwable c = e.getException() != null ? e.getException() : e.getCause();
        return c != null && c.getMessage() != null ? c.getMessage() : String.valueOf(e.getMessage());
    }
}

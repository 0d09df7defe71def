package io.jvirt.xml;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Test helper: validates documents against libvirt's installed RELAX NG schemas with Jing,
 * created explicitly (no global JAXP property). One instance per schema; not thread-safe.
 */
final class LibvirtSchemas {
    static final Path DIR = Path.of("/usr/share/libvirt/schemas");

    private final ValidationDriver driver;
    private final List<String> errors = new ArrayList<>();

    private LibvirtSchemas(String schema) {
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        driver = new ValidationDriver(properties.toPropertyMap());
        try {
            Path file = DIR.resolve(schema);
            if (!driver.loadSchema(ValidationDriver.fileInputSource(file.toFile()))) {
                throw new IllegalStateException("cannot load " + file + ": " + errors);
            }
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load " + schema, e);
        }
    }

    static boolean available() {
        return Files.isRegularFile(DIR.resolve("domain.rng"));
    }

    /** A validator for e.g. "domain.rng". */
    static LibvirtSchemas of(String schema) {
        return new LibvirtSchemas(schema);
    }

    /** The validation errors of {@code xml}; empty when it is valid. */
    List<String> errors(String xml) {
        errors.clear();
        try {
            driver.validate(new InputSource(new StringReader(xml)));
        } catch (IOException | SAXException e) {
            errors.add(e.toString());
        }
        return List.copyOf(errors);
    }
}

package io.jvirt.driver.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * With {@link TestDriverExtension}: the test's host comes from this libvirt {@code <node>} file
 * (a class-path resource, else a file-system path) instead of a fresh default host. On a class,
 * it applies to every test method that does not say otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NodeFile {
    /** The node file: a class-path resource name or a path. */
    String value();
}

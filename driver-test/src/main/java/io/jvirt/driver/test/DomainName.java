package io.jvirt.driver.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * With {@link TestDriverExtension}: which domain of the test's host a {@code Domain} parameter
 * receives. Without it, the parameter gets the default host's domain {@code test}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface DomainName {
    /** The domain's name. */
    String value();
}

package io.jvirt.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jvirt.ErrorCode;
import io.jvirt.VirtException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the TCK expects a failing call to throw: one of {@link #codes()} and, when
 * {@link #message()} is not null, exactly that message.
 *
 * @param codes   the acceptable error codes (at least one)
 * @param message the exact message, or null to leave the wording to the driver
 */
public record ExpectedError(Set<ErrorCode> codes, String message) {
    public ExpectedError {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("no error code");
        }
        codes = Set.copyOf(codes);
    }

    /** Exactly {@code code}, any wording. */
    public static ExpectedError of(ErrorCode code) {
        return new ExpectedError(EnumSet.of(code), null);
    }

    /** Exactly {@code code} and exactly {@code message} (the full text, template included). */
    public static ExpectedError of(ErrorCode code, String message) {
        return new ExpectedError(EnumSet.of(code), Objects.requireNonNull(message, "message"));
    }

    /** Any of {@code codes}, any wording. */
    public static ExpectedError anyOf(ErrorCode first, ErrorCode... more) {
        EnumSet<ErrorCode> set = EnumSet.of(first);
        set.addAll(Arrays.asList(more));
        return new ExpectedError(set, null);
    }

    /** The same codes with an exact message. */
    public ExpectedError withMessage(String exact) {
        return new ExpectedError(codes, exact);
    }

    /** Asserts that {@code e} is what this expects; {@code what} names the call for the report. */
    public void check(VirtException e, String what) {
        assertTrue(codes.contains(e.code()), () -> what + ": expected " + describe() + " but got "
                + e.code() + " \"" + e.getMessage() + "\"");
        if (message != null) {
            assertEquals(message, e.getMessage(), () -> what + ": wrong message (code " + e.code() + ")");
        }
    }

    private String describe() {
        return (codes.size() == 1 ? codes.iterator().next().toString() : "one of " + codes)
                + (message == null ? "" : " \"" + message + "\"");
    }

    @Override
    public String toString() {
        return describe();
    }
}

package io.jvirt.shell;

import io.jvirt.VirtException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * virsh-edit.c, the loop behind its *-edit commands: fetch the XML, let the user edit it, and
 * define the result unless nothing changed or someone else changed the object meanwhile. When
 * defining fails, a terminal user is asked whether to edit again, retry or give up; without a
 * terminal virsh only reports the failure and goes on as if the edit had worked, and so does
 * this.
 */
final class XmlEditFlow {
    /** Defines the edited XML; returns the name of what was defined. */
    @FunctionalInterface
    interface Define {
        String apply(String xml);
    }

    private XmlEditFlow() {
    }

    /**
     * Runs the loop: {@link Result#changed()} false when the user changed nothing (the caller
     * prints its "not changed" line); else the defined object's name, null when defining
     * failed without a terminal (virsh then prints "(null)" for it).
     *
     * @throws CommandFailure when the XML cannot be read, the editor fails or the user gives up
     */
    static Result run(Invocation inv, Supplier<String> getXml, Define define) {
        String doc = fetch(getXml);
        while (true) {
            String edited = Editor.edit(inv.shell(), doc);
            if (edited.equals(doc)) {
                return new Result(false, null);
            }
            while (true) {
                String message = null;
                String reread = fetch(getXml);
                if (!reread.equals(doc)) {
                    message = "The XML configuration was changed by another user.";
                    doc = reread;
                }
                String name = null;
                VirtException failure = null;
                if (message == null) {
                    try {
                        name = define.apply(edited);
                    } catch (VirtException e) {
                        message = "Failed.";
                        failure = e;
                    }
                }
                if (message == null) {
                    return new Result(true, name);
                }
                char answer = askReedit(inv, message, failure);
                if (answer == 'y') {
                    break;
                }
                if (answer == 'n') {
                    throw CommandFailure.silent();
                }
                if (answer != 'f') {
                    inv.shell().error(message);
                    return new Result(true, null);
                }
            }
        }
    }

    /** What the loop ended with: whether the XML changed, and the defined object's name (may be null). */
    record Result(boolean changed, String name) {
    }

    private static String fetch(Supplier<String> getXml) {
        try {
            return getXml.get();
        } catch (VirtException e) {
            throw CommandFailure.of(e);
        }
    }

    /**
     * vshAskReedit: on a terminal, the library error, then "MSG Try again? [y,n,f,?]:" until
     * one of y, n, f; elsewhere no question (0).
     */
    private static char askReedit(Invocation inv, String message, VirtException failure) {
        if (!inv.shell().io().terminal()) {
            return 0;
        }
        if (failure != null) {
            inv.shell().error(failure.getMessage());
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(inv.shell().io().in(), StandardCharsets.UTF_8));
        while (true) {
            inv.print("\r" + message + " Try again? [y,n,f,?]: ");
            inv.shell().flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                return 'n';
            }
            char c = line.isEmpty() ? 0 : line.toLowerCase(Locale.ROOT).charAt(0);
            if (c == '?') {
                inv.print("\r\ny - yes, start editor again\nn - no, throw away my changes\n"
                        + "f - force, try to redefine again\n? - print this help\n");
            } else if (c == 'y' || c == 'n' || c == 'f') {
                inv.print("\r\n");
                return c;
            }
        }
    }
}

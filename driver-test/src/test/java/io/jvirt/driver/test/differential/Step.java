package io.jvirt.driver.test.differential;

import io.jvirt.Connection;

/**
 * One command of a differential scenario: what virsh is told, and the same through our API.
 * A query's output is compared byte for byte; an action only for success or libvirt's error.
 */
record Step(String virsh, Action api, boolean query) {
    @FunctionalInterface
    interface Action {
        /** Runs the step; a query returns what virsh prints, an action null. */
        String run(Connection conn, java.nio.file.Path dir) throws Exception;
    }

    static Step act(String virsh, Action api) {
        return new Step(virsh, api, false);
    }

    static Step query(String virsh, Action api) {
        return new Step(virsh, api, true);
    }
}

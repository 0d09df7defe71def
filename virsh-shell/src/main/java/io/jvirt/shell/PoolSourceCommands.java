package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.VirtException;
import java.util.List;

/** virsh's {@code find-storage-pool-sources} and {@code find-storage-pool-sources-as}: pool source discovery. */
final class PoolSourceCommands {
    private PoolSourceCommands() {
    }

    static List<CommandSpec> commands() {
        return List.of(
                cmd("find-storage-pool-sources-as", "find potential storage pool sources",
                        "Returns XML <sources> document.",
                        PoolSourceCommands::findAs,
                        data("type", "type of storage pool sources to find"),
                        string("host", "optional host to query"),
                        string("port", "optional port to query"),
                        string("initiator", "optional initiator IQN to use for query")),
                cmd("find-storage-pool-sources", "discover potential storage pool sources",
                        "Returns XML <sources> document.",
                        PoolSourceCommands::find,
                        data("type", "type of storage pool sources to discover"),
                        string("srcSpec", "optional file of source xml to query for pools")));
    }

    static boolean find(Invocation inv) {
        String type = inv.required("type");
        String specFile = inv.string("srcSpec");
        String spec = specFile == null ? null : TextFiles.read(inv.shell(), specFile);
        return print(inv, type, spec);
    }

    /** cmdPoolDiscoverSourcesAs: the spec is a {@code <source>} built from --host, --port, --initiator. */
    static boolean findAs(Invocation inv) {
        String type = inv.required("type");
        String host = inv.string("host");
        String initiator = inv.string("initiator");
        String spec = null;
        if (host != null) {
            String port = inv.string("port");
            StringBuilder s = new StringBuilder("<source>\n  <host name='").append(host).append('\'');
            if (port != null) {
                s.append(" port='").append(port).append('\'');
            }
            s.append("/>\n");
            if (initiator != null) {
                s.append("  <initiator>\n    <iqn name='").append(initiator).append("'/>\n  </initiator>\n");
            }
            spec = s.append("</source>\n").toString();
        }
        return print(inv, type, spec);
    }

    private static boolean print(Invocation inv, String type, String spec) {
        String sources;
        try {
            sources = inv.conn().findStoragePoolSources(type, spec);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to find any " + type + " pool sources", e);
        }
        inv.print(sources);
        return true;
    }
}

package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.string;

import io.jvirt.StoragePoolCreateFlag;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * virsh's {@code pool-define-as} and {@code pool-create-as}: a pool's XML from options
 * (virshBuildPoolXML), then defined or created, or only printed with {@code --print-xml}.
 * Values go into the XML as typed, unescaped, exactly as virsh 9.0 writes them.
 */
final class PoolDefineAs {
    private PoolDefineAs() {
    }

    /** virsh's VIRSH_COMMON_OPT_POOL_X_AS, in its order (which is also the positional order). */
    private static List<OptionSpec> xAsOptions() {
        return List.of(
                data("name", "name of the pool"),
                data("type", "type of the pool"),
                bool("print-xml", "print XML document, but don't define/create"),
                string("source-host", "source-host for underlying storage"),
                string("source-path", "source path for underlying storage"),
                string("source-dev", "source device for underlying storage"),
                string("source-name", "source name for underlying storage"),
                string("target", "target for underlying storage"),
                string("source-format", "format for underlying storage"),
                string("auth-type", "auth type to be used for underlying storage"),
                string("auth-username", "auth username to be used for underlying storage"),
                string("secret-usage", "auth secret usage to be used for underlying storage"),
                string("secret-uuid", "auth secret UUID to be used for underlying storage"),
                string("adapter-name", "adapter name to be used for underlying storage"),
                string("adapter-wwnn", "adapter wwnn to be used for underlying storage"),
                string("adapter-wwpn", "adapter wwpn to be used for underlying storage"),
                string("adapter-parent", "adapter parent scsi_hostN to be used for underlying vHBA storage"),
                string("adapter-parent-wwnn", "adapter parent scsi_hostN wwnn to be used for underlying vHBA storage"),
                string("adapter-parent-wwpn", "adapter parent scsi_hostN wwpn to be used for underlying vHBA storage"),
                string("adapter-parent-fabric-wwn",
                        "adapter parent scsi_hostN fabric_wwn to be used for underlying vHBA storage"),
                string("source-protocol-ver", "nfsvers value for NFS pool mount option"),
                string("source-initiator", "initiator iqn for underlying storage"));
    }

    static List<CommandSpec> commands() {
        List<OptionSpec> createAs = new ArrayList<>(xAsOptions());
        createAs.add(bool("build", "build the pool as normal"));
        createAs.add(bool("no-overwrite", "do not overwrite any existing data"));
        createAs.add(bool("overwrite", "overwrite any existing data"));
        return List.of(
                cmd("pool-create-as", "create a pool from a set of args", "Create a pool.",
                        PoolDefineAs::createAs, createAs.toArray(new OptionSpec[0])),
                cmd("pool-define-as", "define a pool from a set of args", "Define a pool.",
                        PoolDefineAs::defineAs, xAsOptions().toArray(new OptionSpec[0])));
    }

    static boolean createAs(Invocation inv) {
        StoragePoolCreateFlag[] flags = PoolCommands.createFlags(inv);
        return fromOptions(inv, "create", "created", xml -> inv.conn().createStoragePool(xml, flags));
    }

    static boolean defineAs(Invocation inv) {
        return fromOptions(inv, "define", "defined", xml -> inv.conn().defineStoragePool(xml));
    }

    /** Builds the XML, then prints it ({@code --print-xml}) or hands it to {@code action}. */
    private static boolean fromOptions(Invocation inv, String verb, String done, Consumer<String> action) {
        String xml = xml(inv);
        String name = inv.required("name");
        if (inv.bool("print-xml")) {
            inv.print(xml);
            return true;
        }
        try {
            action.accept(xml);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to " + verb + " pool " + name, e);
        }
        inv.printExtra("Pool " + name + " " + done + "\n");
        return true;
    }

    /** virshBuildPoolXML: the options read in virsh's order, so the first bad one is the one reported. */
    static String xml(Invocation inv) {
        inv.exclusive("secret-usage", "secret-uuid");
        String name = inv.required("name");
        String type = inv.required("type");
        String host = inv.string("source-host");
        String path = inv.string("source-path");
        String dev = inv.string("source-dev");
        String sourceName = inv.string("source-name");
        String format = inv.string("source-format");
        String target = inv.string("target");
        String authType = inv.string("auth-type");
        String authUser = inv.string("auth-username");
        String secretUsage = inv.string("secret-usage");
        String secretUuid = inv.string("secret-uuid");
        String adapterName = inv.string("adapter-name");
        String wwnn = inv.string("adapter-wwnn");
        String wwpn = inv.string("adapter-wwpn");
        String parent = inv.string("adapter-parent");
        String parentWwnn = inv.string("adapter-parent-wwnn");
        String parentWwpn = inv.string("adapter-parent-wwpn");
        String parentFabric = inv.string("adapter-parent-fabric-wwn");
        String protocolVer = inv.string("source-protocol-ver");
        String initiator = inv.string("source-initiator");

        StringBuilder x = new StringBuilder();
        x.append("<pool type='").append(type).append("'>\n");
        x.append("  <name>").append(name).append("</name>\n");
        boolean fcHost = wwnn != null && wwpn != null;
        if (host != null || path != null || dev != null || initiator != null || format != null
                || sourceName != null || fcHost || adapterName != null) {
            x.append("  <source>\n");
            line(x, "<host name='%s'/>", host);
            line(x, "<dir path='%s'/>", path);
            line(x, "<device path='%s'/>", dev);
            if (initiator != null) {
                x.append("    <initiator>\n      <iqn name='").append(initiator).append("'/>\n    </initiator>\n");
            }
            if (fcHost) {
                x.append("    <adapter type='fc_host'");
                if (parent != null) {
                    x.append(" parent='").append(parent).append('\'');
                } else if (parentWwnn != null && parentWwpn != null) {
                    x.append(" parent_wwnn='").append(parentWwnn).append("' parent_wwpn='").append(parentWwpn).append('\'');
                } else if (parentFabric != null) {
                    x.append(" parent_fabric_wwn='").append(parentFabric).append('\'');
                }
                x.append(" wwnn='").append(wwnn).append("' wwpn='").append(wwpn).append("'/>\n");
            } else {
                line(x, "<adapter type='scsi_host' name='%s'/>", adapterName);
            }
            if (authType != null && authUser != null && (secretUsage != null || secretUuid != null)) {
                x.append("    <auth type='").append(authType).append("' username='").append(authUser).append("'>\n");
                x.append("      <secret ").append(secretUsage != null ? "usage='" + secretUsage : "uuid='" + secretUuid)
                        .append("'/>\n");
                x.append("    </auth>\n");
            }
            line(x, "<format type='%s'/>", format);
            line(x, "<name>%s</name>", sourceName);
            line(x, "<protocol ver='%s'/>", protocolVer);
            x.append("  </source>\n");
        }
        if (target != null) {
            x.append("  <target>\n    <path>").append(target).append("</path>\n  </target>\n");
        }
        x.append("</pool>\n");
        return x.toString();
    }

    /** One element of {@code <source>}, when its option was given. */
    private static void line(StringBuilder x, String template, String value) {
        if (value != null) {
            x.append("    ").append(template.replace("%s", value)).append('\n');
        }
    }
}

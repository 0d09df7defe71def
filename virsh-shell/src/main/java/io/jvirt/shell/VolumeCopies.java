package io.jvirt.shell;

import static io.jvirt.shell.CommandSpec.cmd;
import static io.jvirt.shell.OptionSpec.bool;
import static io.jvirt.shell.OptionSpec.data;
import static io.jvirt.shell.OptionSpec.poolOption;
import static io.jvirt.shell.OptionSpec.string;
import static io.jvirt.shell.OptionSpec.volumeArg;

import io.jvirt.StoragePool;
import io.jvirt.StorageVolume;
import io.jvirt.StorageVolumeCreateFlag;
import io.jvirt.VirtException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** virsh's volume copies: {@code vol-clone} (same pool, new name) and {@code vol-create-from} (new XML). */
final class VolumeCopies {
    private VolumeCopies() {
    }

    static CommandSpec cloneSpec() {
        return cmd("vol-clone", "clone a volume.",
                "Clone an existing volume within the parent pool.",
                VolumeCopies::cloneVolume,
                volumeArg(),
                data("newname", "clone name"),
                poolOption(),
                bool("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
                bool("reflink", "use btrfs COW lightweight copy"),
                bool("print-xml", "print XML document rather than clone the volume"));
    }

    static CommandSpec createFromSpec() {
        return cmd("vol-create-from", "create a vol, using another volume as input",
                "Create a vol from an existing volume.",
                VolumeCopies::createFrom,
                data("pool", "pool name or uuid", Completion.POOL),
                data("file", "file containing an XML vol description", Completion.FILE),
                volumeArg(),
                string("inputpool", "pool name or uuid of the input volume's pool", Completion.POOL),
                bool("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
                bool("reflink", "use btrfs COW lightweight copy"),
                bool("validate", "validate the XML against the schema"));
    }

    private static StorageVolumeCreateFlag[] flags(Invocation inv) {
        List<StorageVolumeCreateFlag> flags = new ArrayList<>();
        if (inv.bool("prealloc-metadata")) {
            flags.add(StorageVolumeCreateFlag.PREALLOC_METADATA);
        }
        if (inv.bool("reflink")) {
            flags.add(StorageVolumeCreateFlag.REFLINK);
        }
        return flags.toArray(new StorageVolumeCreateFlag[0]);
    }

    static boolean cloneVolume(Invocation inv) {
        StorageVolume original = Lookups.volume(inv);
        StorageVolumeCreateFlag[] flags = flags(inv);
        StoragePool pool;
        try {
            pool = original.pool();
        } catch (VirtException e) {
            throw CommandFailure.of("failed to get parent pool");
        }
        String name = inv.required("newname");
        String xml = cloneXml(original.xml(), name);
        if (inv.bool("print-xml")) {
            inv.print(xml);
            return true;
        }
        StorageVolume copy;
        try {
            copy = pool.createVolumeFrom(xml, original, flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to clone vol from " + original.name(), e);
        }
        inv.printExtra("Vol " + copy.name() + " cloned from " + original.name() + "\n");
        return true;
    }

    /** virshMakeCloneXML: the original's XML with only its name changed, as libxml2 writes it back. */
    private static String cloneXml(String originalXml, String name) {
        Document doc = XmlDocuments.parseDocument(originalXml);
        Element nameElement = XmlDocuments.child(doc.getDocumentElement(), "name");
        nameElement.setTextContent(name);
        return XPathFilter.dump(doc.getDocumentElement());
    }

    static boolean createFrom(Invocation inv) {
        StoragePool pool = Lookups.pool(inv, "pool");
        // jvirt has no volume VALIDATE flag (RNG validation): --validate is accepted, as by vol-create.
        StorageVolumeCreateFlag[] flags = flags(inv);
        String from = inv.required("file");
        StorageVolume input = Lookups.volume(inv, "inputpool");
        String xml = TextFiles.read(inv.shell(), from);
        StorageVolume created;
        try {
            created = pool.createVolumeFrom(xml, input, flags);
        } catch (VirtException e) {
            throw CommandFailure.of("Failed to create vol from " + from, e);
        }
        inv.printExtra("Vol " + created.name() + " created from input vol " + input.name() + "\n");
        return true;
    }
}

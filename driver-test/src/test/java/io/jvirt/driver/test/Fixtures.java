package io.jvirt.driver.test;

/** Documents the driver-test tests share. */
public final class Fixtures {
    /** libvirt.md §3.6's demo.xml: the domain of the recorded virsh sessions. */
    public static final String DEMO = """
            <domain type='test'>
              <name>demo</name>
              <uuid>11111111-2222-3333-4444-555555555555</uuid>
              <memory unit='MiB'>512</memory>
              <currentMemory unit='MiB'>256</currentMemory>
              <vcpu>1</vcpu>
              <os>
                <type arch='i686'>hvm</type>
                <boot dev='hd'/>
              </os>
              <devices>
                <disk type='file' device='disk'>
                  <source file='/guest/demo.img'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <interface type='network'>
                  <mac address='52:54:00:12:34:56'/>
                  <source network='default'/>
                </interface>
              </devices>
            </domain>
            """;

    private Fixtures() {
    }
}

/*
 * The baseline for the test driver benchmark: the same define -> start -> suspend -> resume ->
 * destroy -> undefine cycle through libvirt's own C test driver (test:///default), timed here.
 * Build: gcc -O2 -o libvirt-cycle libvirt-cycle.c -lvirt   Run: ./libvirt-cycle [cycles]
 */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *XML =
    "<domain type='test'>"
    "<name>bench-1</name>"
    "<memory unit='MiB'>512</memory>"
    "<currentMemory unit='MiB'>256</currentMemory>"
    "<vcpu>1</vcpu>"
    "<os><type arch='i686'>hvm</type><boot dev='hd'/></os>"
    "<devices>"
    "<disk type='file' device='disk'><source file='/guest/demo.img'/><target dev='vda' bus='virtio'/></disk>"
    "<interface type='network'><mac address='52:54:00:12:34:56'/><source network='default'/></interface>"
    "</devices>"
    "</domain>";

static void quiet(void *opaque, virErrorPtr err) { (void)opaque; (void)err; }

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cycle(virConnectPtr conn) {
    virDomainPtr d = virDomainDefineXML(conn, XML);
    if (!d) return -1;
    int rc = virDomainCreate(d) | virDomainSuspend(d) | virDomainResume(d)
             | virDomainDestroy(d) | virDomainUndefine(d);
    virDomainFree(d);
    return rc;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 20000;
    virSetErrorFunc(NULL, quiet);
    virConnectPtr conn = virConnectOpen("test:///default");
    if (!conn) { fprintf(stderr, "cannot open test:///default\n"); return 1; }
    for (long i = 0; i < n / 10; i++) if (cycle(conn) < 0) { fprintf(stderr, "cycle failed\n"); return 1; }
    double start = now();
    for (long i = 0; i < n; i++) if (cycle(conn) < 0) { fprintf(stderr, "cycle failed\n"); return 1; }
    double secs = now() - start;
    printf("libvirt 9.0 C test driver: %ld cycles in %.3f s = %.0f cycles/s (1 thread)\n", n, secs, n / secs);
    virConnectClose(conn);
    return 0;
}

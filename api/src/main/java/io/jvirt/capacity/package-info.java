/**
 * Capacity planning and admission control: how big a host must be for some VMs, whether a live
 * host holds them, and a connection that refuses to overcommit its host.
 *
 * <h2>Sizing a host</h2>
 * Describe the VMs as {@link io.jvirt.capacity.VmShape}s (count × vCPUs, memory, disk,
 * bandwidth), pick a {@link io.jvirt.capacity.HostProfile} (its rules of thumb and the
 * hypervisor's ceilings; every number can be overridden) and ask a
 * {@link io.jvirt.capacity.CapacityPlanner}:
 * <pre>{@code
 * CapacityPlan plan = CapacityPlanner.of(HostProfile.XEN_4_17.withVcpusPerLogicalProcessor(8))
 *         .roundToPowerOfTwo(true)
 *         .coresPerSocket(16)
 *         .plan(new VmShape(200, 1, 2L << 30, 100L << 30, 100_000_000L));
 * for (CapacityPlan.Row row : plan.rows()) {
 *     System.out.println(row.resource().label() + ": " + row.formula() + " => " + row.resultText());
 * }
 * // logical processors: 200 × 1 vCPU = 200 vCPUs ÷ 8 per logical processor = 25 → 32 (power of two) => 32
 * // physical CPUs: 32 logical processors ÷ 16 cores per CPU = 2 => 2
 * // memory: 200 × 2 GiB + 200 × 32 MiB overhead + 512 MiB reserve = 406.75 GiB → 512 GiB (power of two) => 512 GiB
 * // ...
 * plan.breaches();   // the profile's ceilings the plan breaks, each naming the limit and the numbers
 * }</pre>
 * The arithmetic is exact (64-bit integers, binary units for memory and disks, decimal for
 * bandwidth); bad input ({@code 0} VMs, a ratio of {@code 0}, a size that does not parse, sums
 * beyond 2<sup>63</sup>) is a {@link io.jvirt.VirtException} with
 * {@link io.jvirt.ErrorCode#INVALID_ARG} that says what is wrong, never a NaN or a silent 0.
 * {@code jvirsh plan} is the same planner on the command line.
 *
 * <h2>Will this host hold them?</h2>
 * {@link io.jvirt.capacity.HostFit} compares a plan with a {@link io.jvirt.Connection}'s host
 * (node info, free memory, the most vCPUs per guest, NUMA cells, storage pools, interfaces),
 * optionally counting the domains already defined there, and says per check what fits, what
 * doesn't, and why.
 *
 * <h2>Refusing to overcommit</h2>
 * {@link io.jvirt.capacity.AdmissionPolicy} is admission control, off by default as in libvirt.
 * Open a connection with {@code ?admission=strict} (or
 * {@link io.jvirt.ConnectOptions#withAdmission}) and starting or creating a domain that would
 * break its vCPU ratio or memory rule fails with {@link io.jvirt.ErrorCode#OPERATION_INVALID},
 * whatever the driver.
 */
package io.jvirt.capacity;

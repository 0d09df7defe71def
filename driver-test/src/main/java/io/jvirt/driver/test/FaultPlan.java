package io.jvirt.driver.test;

import io.jvirt.ErrorCode;
import io.jvirt.ErrorDomain;
import io.jvirt.VirtException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A host's injected faults and delays, consulted before each driver call. Empty (the usual
 * case) costs one volatile read.
 */
final class FaultPlan {
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    private abstract static class Rule {
        final String operation;

        Rule(String operation) {
            this.operation = operation;
        }

        boolean matches(String api) {
            return operation.equals("*") || operation.equals(api);
        }

        /** Acts on a matching call: returns normally, sleeps, or throws. */
        abstract void apply(String api) throws InterruptedException;
    }

    void failNext(String operation, ErrorCode code, int times) {
        check(operation);
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(new Rule(operation) {
            private int left = times;

            @Override
            synchronized void apply(String api) {
                if (left > 0) {
                    left--;
                    if (left == 0) {
                        rules.remove(this);
                    }
                    throw injected(code, api);
                }
            }
        });
    }

    void failRandomly(String operation, ErrorCode code, double probability, long seed) {
        check(operation);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within [0, 1]");
        }
        SplittableRandom random = new SplittableRandom(seed);
        rules.add(new Rule(operation) {
            @Override
            void apply(String api) {
                boolean fail;
                synchronized (random) {
                    fail = random.nextDouble() < probability;
                }
                if (fail) {
                    throw injected(code, api);
                }
            }
        });
    }

    void delay(String operation, Duration latency) {
        check(operation);
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        rules.add(new Rule(operation) {
            @Override
            void apply(String api) throws InterruptedException {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            }
        });
    }

    void clear() {
        rules.clear();
    }

    /** True while no fault or delay is planned: calls then bypass the plan altogether. */
    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Applies the rules for {@code api}: delays first, then at most one failure. */
    void before(String api) {
        if (rules.isEmpty()) {
            return;
        }
        for (Rule r : rules) {
            if (r.matches(api)) {
                try {
                    r.apply(api);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.TEST, api + " interrupted");
                }
            }
        }
    }

    private static VirtException injected(ErrorCode code, String api) {
        return new VirtException(code, ErrorDomain.TEST, "injected fault in " + api);
    }

    private static void check(String operation) {
        if (operation == null || operation.isEmpty()) {
            throw new IllegalArgumentException("operation must name a libvirt API or be \"*\"");
        }
    }
}

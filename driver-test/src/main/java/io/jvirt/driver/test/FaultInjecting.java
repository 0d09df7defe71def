package io.jvirt.driver.test;

import io.jvirt.VirtException;
import io.jvirt.spi.HypervisorDriver;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a driver table so that each call first consults the host's {@link FaultPlan} under its
 * libvirt API name. The names are not repeated here: each SPI method's default body throws
 * NO_SUPPORT naming its API, so the name is read once from there.
 */
final class FaultInjecting {
    private static final Map<Method, String> API_NAMES = new ConcurrentHashMap<>();
    /** An implementation of every table that overrides nothing, to read the defaults' names. */
    private static final Object BARE = Proxy.newProxyInstance(FaultInjecting.class.getClassLoader(),
            new Class<?>[] {HypervisorDriver.class, io.jvirt.spi.NetworkDriver.class,
                io.jvirt.spi.StorageDriver.class, io.jvirt.spi.InterfaceDriver.class,
                io.jvirt.spi.NodeDeviceDriver.class},
            (proxy, m, args) -> InvocationHandler.invokeDefault(proxy, m, args));

    private FaultInjecting() {
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Class<T> table, T target, FaultPlan plan) {
        return (T) Proxy.newProxyInstance(table.getClassLoader(), new Class<?>[] {table}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.invoke(target, args);
            }
            plan.before(apiName(m));
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    static String apiName(Method m) {
        return API_NAMES.computeIfAbsent(m, FaultInjecting::readApiName);
    }

    private static String readApiName(Method m) {
        if (!m.isDefault()) {
            return m.getName();
        }
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            args[i] = types[i] == int.class ? 0 : types[i] == long.class ? 0L
                    : types[i] == boolean.class ? false : null;
        }
        try {
            m.invoke(BARE, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof VirtException v) {
                String msg = v.getMessage();
                return msg.substring(msg.lastIndexOf(' ') + 1);
            }
        } catch (ReflectiveOperationException e) {
            // fall through to the method's own name
        }
        return m.getName();
    }
}

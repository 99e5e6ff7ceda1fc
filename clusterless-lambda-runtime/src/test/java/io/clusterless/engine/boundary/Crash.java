package io.clusterless.engine.boundary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Wraps a real adapter so that chosen calls die as a crashed function would, before reaching the service. Everything
 * else goes to the real adapter: this simulates a crash, it does not fake the service.
 */
final class Crash {
    private Crash() {
    }

    /** Thrown in place of the crashed call. */
    static final class Injected extends RuntimeException {
        Injected(String what) {
            super("injected crash at " + what);
        }
    }

    /** The first {@code times} calls matching {@code when} (method name and first argument) die. */
    static <T> T on(Class<T> port, T real, int times, Predicate<Object[]> when, String... methods) {
        AtomicInteger left = new AtomicInteger(times);
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) -> {
            boolean named = java.util.Arrays.asList(methods).contains(method.getName());
            if (named && when.test(args) && left.getAndDecrement() > 0) {
                throw new Injected(method.getName());
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}

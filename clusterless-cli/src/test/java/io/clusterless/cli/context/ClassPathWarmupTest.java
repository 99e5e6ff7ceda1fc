package io.clusterless.cli.context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cls} opens the class path's jars on a daemon thread by looking for a class that no jar holds, a failing
 * lookup stays silent there (the command's own lookup reports it), and a command can wait for it, parked.
 */
class ClassPathWarmupTest {
    private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Test
    void itAsksTheLoaderForAClassNoJarHolds_onADaemonThread() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        ClassLoader loader = new ClassLoader(ClassPathWarmupTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.add(name);
                return super.loadClass(name, resolve);
            }
        };
        Thread thread = ClassPathWarmup.start(loader);
        assertThat(thread.isDaemon()).isTrue();
        thread.join();
        assertThat(asked).containsExactly(ClassPathWarmup.ABSENT);
        // absent from this class path (every module of cls and its dependencies): the search went through every jar
        ClassLoader classPath = ClassPathWarmupTest.class.getClassLoader();
        assertThatThrownBy(() -> Class.forName(ClassPathWarmup.ABSENT, false, classPath))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aFailingLookup_endsTheThreadWithoutAWord() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        for (Throwable failure : List.of(new IllegalStateException("broken"), new NoClassDefFoundError("broken"),
                new ClassNotFoundException("absent"))) {
            ClassLoader loader = new ClassLoader(null) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (failure instanceof ClassNotFoundException absent) {
                        throw absent;
                    }
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    throw (RuntimeException) failure;
                }
            };
            ClassPathWarmup.start(loader).join();
        }
        assertThat(uncaught).isEmpty();
    }

    @Test
    void awaitOpened_returnsOnlyOnceTheThreadHasLookedThroughTheLoader() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> asked = new CopyOnWriteArrayList<>();
        ClassLoader loader = new ClassLoader(null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new ClassNotFoundException(name, e);
                }
                asked.add(name);
                throw new ClassNotFoundException(name);
            }
        };
        Thread warmup = ClassPathWarmup.start(loader);
        Thread command = new Thread(ClassPathWarmup::awaitOpened, "command");
        try {
            command.start();
            // the command parks in the wait while the warm-up is still looking (bounded: no timing decides the test)
            for (int i = 0; i < 10_000 && command.getState() != Thread.State.WAITING; i++) {
                Thread.sleep(1);
            }
            assertThat(command.getState()).isEqualTo(Thread.State.WAITING);
            assertThat(asked).isEmpty();
        } finally {
            release.countDown(); // never leaves a warm-up that later commands of this JVM would wait for
        }
        command.join();
        assertThat(warmup.isAlive()).isFalse();
        assertThat(asked).containsExactly(ClassPathWarmup.ABSENT);
    }
}

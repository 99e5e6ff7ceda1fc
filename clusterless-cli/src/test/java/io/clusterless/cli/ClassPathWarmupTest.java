package io.clusterless.cli;

import io.clusterless.model.component.ComponentPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cls} opens the class path's jars on a daemon thread with the very lookup the component registry's
 * ServiceLoader makes, and a failing lookup stays silent there (the command's own lookup reports it).
 */
class ClassPathWarmupTest {
    private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Test
    void itLooksUpTheComponentPluginsServiceFile_onADaemonThread() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        ClassLoader loader = new ClassLoader(null) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                asked.add(name);
                return Collections.enumeration(new ArrayList<>(List.of(new URL("file:/a"), new URL("file:/b"))));
            }
        };
        Thread thread = ClassPathWarmup.start(loader);
        assertThat(thread.isDaemon()).isTrue();
        thread.join();
        assertThat(asked).containsExactly("META-INF/services/" + ComponentPlugin.class.getName());
    }

    @Test
    void aFailingLookup_endsTheThreadWithoutAWord() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        for (Exception failure : List.of(new IOException("unreadable jar"), new IllegalStateException("broken"))) {
            ClassLoader loader = new ClassLoader(null) {
                @Override
                public Enumeration<URL> getResources(String name) throws IOException {
                    if (failure instanceof IOException io) {
                        throw io;
                    }
                    throw (RuntimeException) failure;
                }
            };
            ClassPathWarmup.start(loader).join();
        }
        assertThat(uncaught).isEmpty();
    }

    @Test
    void picocliSkipsGroovysClosureClass_unlessTheCallerSaidOtherwise() {
        String before = System.getProperty(Main.NO_GROOVY_CLOSURES);
        try {
            System.clearProperty(Main.NO_GROOVY_CLOSURES);
            Main.withoutGroovyClosures();
            assertThat(System.getProperty(Main.NO_GROOVY_CLOSURES)).isEqualTo("true");
            System.setProperty(Main.NO_GROOVY_CLOSURES, "false");
            Main.withoutGroovyClosures();
            assertThat(System.getProperty(Main.NO_GROOVY_CLOSURES)).isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(Main.NO_GROOVY_CLOSURES);
            } else {
                System.setProperty(Main.NO_GROOVY_CLOSURES, before);
            }
        }
    }
}

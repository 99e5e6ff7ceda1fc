package io.clusterless.model.component;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The index the CLI's build writes lists what ServiceLoader finds, and is read in its place when present. */
class ServiceIndexTest {
    @TempDir
    Path temp;

    @Test
    void theWrittenIndex_listsServiceLoadersProviders_andIsReadInItsPlace() throws Exception {
        ServiceIndex.main(new String[]{temp.toString()});
        Path index = temp.resolve(ServiceIndex.FOLDER + ComponentPlugin.class.getName());
        List<String> expected = ServiceLoader.load(ComponentPlugin.class).stream().map(p -> p.type().getName())
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(Files.readAllLines(index)).isEqualTo(expected);

        try (URLClassLoader withIndex = new URLClassLoader(new URL[]{temp.toUri().toURL()},
                ComponentPlugin.class.getClassLoader())) {
            assertThat(ServiceIndex.present(withIndex)).isTrue();
            assertThat(ServiceIndex.indexed(withIndex, ComponentPlugin.class.getName())).isEqualTo(expected);
        }
        assertThat(ServiceIndex.present(ComponentPlugin.class.getClassLoader())).as("no index on the test class path")
                .isFalse();
        assertThat(ServiceIndex.load(ComponentPlugin.class)).extracting(p -> p.getClass().getName())
                .isEqualTo(expected);
        try (URLClassLoader withIndex = new URLClassLoader(new URL[]{temp.toUri().toURL()},
                ComponentPlugin.class.getClassLoader())) {
            assertThat(ServiceIndex.load(ComponentPlugin.class, withIndex)).extracting(p -> p.getClass().getName())
                    .as("read from the index").isEqualTo(expected);
        }
    }

    @Test
    void anIndexNamingAMissingClass_givesWayToServiceLoader() throws Exception {
        Path folder = Files.createDirectories(temp.resolve(ServiceIndex.FOLDER));
        Files.writeString(folder.resolve(ComponentPlugin.class.getName()), "io.clusterless.NoSuchPlugin\n");
        try (URLClassLoader withIndex = new URLClassLoader(new URL[]{temp.toUri().toURL()},
                ComponentPlugin.class.getClassLoader())) {
            assertThat(ServiceIndex.indexed(withIndex, ComponentPlugin.class.getName()))
                    .containsExactly("io.clusterless.NoSuchPlugin");
            assertThat(ServiceIndex.load(ComponentPlugin.class, withIndex)).extracting(p -> p.getClass().getName())
                    .isEqualTo(ServiceLoader.load(ComponentPlugin.class).stream().map(p -> p.type().getName())
                            .toList());
        }
    }
}

package io.clusterless.model.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * cls's own services ({@code io.clusterless.*} interfaces registered in {@code META-INF/services}), found as
 * {@link ServiceLoader} finds them, but from an index the CLI's build writes into its jar when there is one.
 * <p>
 * A {@link ServiceLoader} lookup asks the class loader for every copy of the service's file, which opens every jar of
 * the class path: ~200 for the CLI, aws-cdk-lib's with an index of 58,000 entries among them (41-103 ms of the main
 * thread, docs/benchmarks.md). The CLI runs from a jar whose manifest fixes its class path, so its build lists each
 * service's providers ({@link #main}) under {@value #FOLDER} in that jar, the first of the class path: finding the
 * index opens that jar only. Without an index (tests, the Lambda jar) or when one of its classes is missing,
 * {@link ServiceLoader} decides, as before.
 */
public final class ServiceIndex {
    /** Where the CLI's jar holds the index: one file per service, named for it, one provider class a line. */
    public static final String FOLDER = "META-INF/cls-services/";
    private static final String SERVICES = "META-INF/services/";

    private ServiceIndex() {
    }

    /** An instance of each provider of {@code service}, in {@link ServiceLoader}'s order. */
    public static <S> List<S> load(Class<S> service) {
        return load(service, service.getClassLoader());
    }

    static <S> List<S> load(Class<S> service, ClassLoader loader) {
        List<String> names = indexed(loader, service.getName());
        if (names != null) {
            try {
                List<S> providers = new ArrayList<>();
                for (String name : names) {
                    providers.add(instance(service, Class.forName(name, false, loader)));
                }
                return Collections.unmodifiableList(providers);
            } catch (ClassNotFoundException e) {
                // an index that does not match the class path: the class path decides
            }
        }
        return ServiceLoader.load(service, loader).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** Whether {@code loader}'s class path carries an index (the CLI's jar does). */
    public static boolean present(ClassLoader loader) {
        return loader.getResource(FOLDER + ComponentPlugin.class.getName()) != null;
    }

    /** The indexed provider names of {@code service}, or null without an index. */
    static List<String> indexed(ClassLoader loader, String service) {
        URL index = loader.getResource(FOLDER + service);
        if (index == null) {
            return null;
        }
        try (InputStream in = index.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            return null;
        }
    }

    private static <S> S instance(Class<S> service, Class<?> type) {
        if (!service.isAssignableFrom(type)) {
            throw new ServiceConfigurationError(service.getName() + ": provider " + type.getName() + " not a subtype");
        }
        try {
            return service.cast(type.getConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new ServiceConfigurationError(service.getName() + ": provider " + type.getName()
                    + " could not be instantiated", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ServiceConfigurationError(service.getName() + ": provider " + type.getName()
                    + " could not be instantiated", e);
        }
    }

    /**
     * Writes the index of this class path into folder {@code args[0]}: for every {@code io.clusterless.*} service
     * with a {@code META-INF/services} file in a jar or folder of the class path, its providers in
     * {@link ServiceLoader}'s order. Run by the CLI's build with the CLI jar's own class path.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]).resolve(FOLDER);
        Files.createDirectories(out);
        ClassLoader loader = ServiceIndex.class.getClassLoader();
        for (String service : services(loader)) {
            Class<?> type;
            try {
                type = Class.forName(service, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("service " + service + " is registered but not on the class path", e);
            }
            List<String> providers = ServiceLoader.load(type, loader).stream().map(p -> p.type().getName()).toList();
            Files.writeString(out.resolve(service), String.join("\n", providers) + "\n");
            System.out.println("service index: " + service + ": " + providers.size() + " providers");
        }
    }

    /** The names of the {@code io.clusterless.*} services registered anywhere on {@code loader}'s class path. */
    static TreeSet<String> services(ClassLoader loader) throws IOException {
        TreeSet<String> services = new TreeSet<>();
        for (URL folder : Collections.list(loader.getResources(SERVICES))) {
            for (String name : list(folder)) {
                if (name.startsWith("io.clusterless.")) {
                    services.add(name);
                }
            }
        }
        return services;
    }

    private static List<String> list(URL folder) throws IOException {
        if (folder.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) folder.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream().map(entry -> entry.getName())
                        .filter(name -> name.startsWith(SERVICES) && name.length() > SERVICES.length()
                                && name.indexOf('/', SERVICES.length()) < 0)
                        .map(name -> name.substring(SERVICES.length())).toList();
            }
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("not a folder: " + folder, e));
        }
    }
}

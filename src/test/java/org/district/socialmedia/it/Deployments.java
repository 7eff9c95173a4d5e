package org.district.socialmedia.it;

import org.district.socialmedia.accounts.RightsCounted;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real WAR that Maven built (target/ROOT.war), never a hand-listed archive. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive realWar() {
        File war = new File(System.getProperty("it.war", "target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** What the in-container test classes use beside themselves. */
    private static final List<Class<?>> IN_CONTAINER_HELPERS = List.of(TestTransactions.class, AsSystemAdministrator.class,
            AsEmployee.class, Api.class, JsonBodies.class, Multipart.class, RightsCounted.class);

    /**
     * One archive for every in-container test class: the real WAR with all of them (found among the compiled test
     * classes as {@link InContainerClassesFirst} finds them) and their helpers. Being the same for each, it stays
     * deployed from one in-container class to the next ({@link OneDeploymentPerRun}) instead of being deployed
     * again for each. None of these classes is a CDI bean (the WAR discovers annotated beans only), so their presence
     * changes nothing in the application.
     */
    public static WebArchive inContainer() {
        return realWar().addClasses(IN_CONTAINER_HELPERS.toArray(Class<?>[]::new)).addClasses(inContainerClasses());
    }

    private static Class<?>[] inContainerClasses() {
        Path root = Path.of(System.getProperty("it.test.classes", "target/test-classes"));
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith("IT.class") && !name.contains("$"))
                    .map(name -> load(name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.')))
                    .filter(InContainerClassesFirst::inContainer)
                    .toArray(Class<?>[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("the compiled test classes in " + root, e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Deployments.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is compiled but cannot be loaded", e);
        }
    }
}

package org.district.socialmedia;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dependency rule of docs/architecture.md, held against the compiled classes and the sources. */
class ArchitectureTest {

    private static final String BASE = "org.district.socialmedia";

    /**
     * The components from the ground floor up, exactly as docs/architecture.md lists them: a component
     * may use the ones before it, never one after it.
     */
    static final List<String> COMPONENTS = List.of("platform", "audit", "policy", "settings", "notifications",
            "people", "security", "students", "acknowledgements", "requests", "accounts", "consent", "posts",
            "parents", "oversight", "operations", "demo");

    private static JavaClasses production;

    /** What the WAR ships: Maven's compiled main classes (tests and benchmarks are compiled elsewhere). */
    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void everyClassIsInAComponentLayer() {
        String[] layers = COMPONENTS.stream()
                .flatMap(c -> Stream.of("boundary", "control", "entity").map(l -> BASE + "." + c + "." + l + ".."))
                .toArray(String[]::new);
        classes().should().resideInAnyPackage(layers)
                .because("every class belongs to one component of docs/architecture.md and to its boundary, control or entity")
                .check(production);
    }

    @Test
    void componentsDependOnlyOnTheComponentsBelowThem() {
        for (int i = 0; i < COMPONENTS.size() - 1; i++) {
            String[] above = COMPONENTS.subList(i + 1, COMPONENTS.size()).stream().map(c -> BASE + "." + c + "..")
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage(BASE + "." + COMPONENTS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(COMPONENTS.get(i) + " stands below " + Arrays.toString(above));
            rule.check(production);
        }
    }

    @Test
    void noCyclesBetweenComponents() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void entitiesDependOnNoControlOrBoundary() {
        noClasses().that().resideInAPackage(BASE + ".*.entity..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".*.control..", BASE + ".*.boundary..")
                .check(production);
    }

    @Test
    void controlsDependOnNoBoundaryOfTheirOwnComponent() {
        for (String component : COMPONENTS) {
            noClasses().that().resideInAPackage(BASE + "." + component + ".control..")
                    .should().dependOnClassesThat().resideInAPackage(BASE + "." + component + ".boundary..")
                    .allowEmptyShould(true) // a component may have no control
                    .check(production);
        }
    }

    /**
     * A class named in full in the code is a dependency that the imports do not show; the compiled
     * classes cannot tell the difference, so the sources are read.
     */
    @Test
    void noFullyQualifiedProjectClassNamesInCode() throws IOException {
        Pattern named = Pattern.compile("\\b" + Pattern.quote(BASE) + "\\.\\w+\\.\\w+\\.[A-Z]");
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"), Path.of("src/bench/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int n = 0; n < lines.size(); n++) {
                        String line = lines.get(n).strip();
                        if (!line.startsWith("import ") && !line.startsWith("package ") && named.matcher(line).find()) {
                            found.add(file + ":" + (n + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "import the class instead");
    }
}

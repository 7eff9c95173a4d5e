package org.district.socialmedia.security.control;

import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access table is complete: every page in the WAR, every servlet address and every endpoint of the
 * API has exactly one row,
 * every row names something that exists, and docs/security.md shows the table as the code has it.
 */
class AccessTableTest {

    private static final java.nio.file.Path WEBAPP = java.nio.file.Path.of("src/main/webapp");
    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");

    static Set<String> pages() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(WEBAPP)) {
            return files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + WEBAPP.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The compiled top-level classes of the application. */
    private static List<Class<?>> classes() throws IOException, ClassNotFoundException {
        List<java.nio.file.Path> classFiles;
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList();
        }
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (java.nio.file.Path file : classFiles) {
            String name = CLASSES.relativize(file).toString().replace('/', '.').replace('\\', '.').replace(".class", "");
            classes.add(Class.forName(name, false, AccessTableTest.class.getClassLoader()));
        }
        return classes;
    }

    /** The addresses servlets of the application answer (single sign-on), which are pages to the table. */
    static Set<String> servlets() throws IOException, ClassNotFoundException {
        Set<String> addresses = new TreeSet<>();
        for (Class<?> type : classes()) {
            jakarta.servlet.annotation.WebServlet servlet = type.getAnnotation(jakarta.servlet.annotation.WebServlet.class);
            if (servlet != null) {
                addresses.addAll(List.of(servlet.urlPatterns()));
                addresses.addAll(List.of(servlet.value()));
            }
        }
        return addresses;
    }

    /** "METHOD /api/path" of every resource method, from the compiled resource classes. */
    static Set<String> endpoints() throws IOException, ClassNotFoundException {
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> type : classes()) {
            if (type.getAnnotation(Path.class) == null) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String endpoint = AccessTable.endpoint(type, m);
                if (endpoint != null) {
                    endpoints.add(endpoint);
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyPageAndEveryEndpointHasOneRowAndEveryRowExists() throws Exception {
        Set<String> rows = new HashSet<>();
        for (AccessTable.Rule rule : AccessTable.RULES) {
            assertTrue(rows.add(rule.target()), "one row per page or endpoint: " + rule.target());
        }
        Set<String> expected = new TreeSet<>(pages());
        expected.addAll(servlets());
        expected.addAll(endpoints());
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(rows);
        assertEquals(Set.of(), missing, "pages and endpoints without a row in AccessTable");
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(expected);
        assertEquals(Set.of(), stale, "rows of AccessTable naming no page or endpoint");
    }

    @Test
    void securityDocShowsTheTableAsTheCodeHasIt() throws IOException {
        String doc = Files.readString(java.nio.file.Path.of("docs/security.md"));
        assertTrue(doc.contains(AccessTable.markdown()),
                "docs/security.md's access table differs from AccessTable.markdown(); paste this into docs/security.md:\n" + AccessTable.markdown());
    }

    @Test
    void publicRowsAreFewAndNamed() {
        Set<String> open = AccessTable.RULES.stream().filter(r -> r.access() == AccessTable.Access.PUBLIC)
                .map(AccessTable.Rule::target).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("/login.xhtml", "/auth/oidc/login", "/auth/oidc/callback", "/directory.xhtml", "/error/403.xhtml", "/error/404.xhtml",
                "/error/expired.xhtml", "GET /api/health", "GET /api/openapi", "GET /api/directory",
                "/parent/consent.xhtml", "/parent/link.xhtml")), open,
                "nothing else is open without sign-in (web.xml)");
    }
}

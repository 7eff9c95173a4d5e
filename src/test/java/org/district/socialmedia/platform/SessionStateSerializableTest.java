package org.district.socialmedia.platform;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.district.socialmedia.security.entity.SignInAttempt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a session holds is copied to the other nodes of a cluster (web.xml's distributable), so it
 * must serialize: the beans of the passivating scopes (the pages' @ViewScoped beans live in the session
 * with the view state), the attributes the application sets itself, and the pages' state, which
 * Mojarra keeps in the session and serializes at every request.
 */
class SessionStateSerializableTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> SESSION_SCOPES =
            List.of(ViewScoped.class, SessionScoped.class, ConversationScoped.class);
    private static List<Class<?>> sessionBeans;

    @BeforeAll
    static void findBeans() {
        sessionBeans = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().importPath(Path.of("target", "classes"))) {
            if (SESSION_SCOPES.stream().anyMatch(type::isAnnotatedWith)) {
                sessionBeans.add(type.reflect());
            }
        }
    }

    @Test
    void thePagesBeansAreFound() {
        assertTrue(sessionBeans.size() >= 20, "the portal's page beans: " + sessionBeans);
    }

    @Test
    void everySessionHeldBeanIsSerializable() {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : sessionBeans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * A field's declared type must serialize, unless the container fills it (an injected bean is
     * serialized as a reference to its bean and found again) or it is transient. Interfaces of
     * java.util (List, Map) are judged by their values, below.
     */
    @Test
    void everyFieldOfASessionHeldBeanCanBeSerialized() {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : sessionBeans) {
            for (Field field : fields(bean)) {
                Class<?> type = field.getType();
                boolean fine = type.isPrimitive() || Serializable.class.isAssignableFrom(type)
                        || field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)
                        || type.isInterface() && (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type));
                if (!fine) {
                    problems.add(bean.getSimpleName() + "." + field.getName() + " (" + type.getName() + ")");
                }
            }
        }
        assertEquals(List.of(), problems, "fields that cannot be serialized: make them transient or Serializable");
    }

    @Test
    void aFreshInstanceOfEverySessionHeldBeanSurvivesSerialization() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : sessionBeans) {
            try {
                Constructor<?> constructor = bean.getDeclaredConstructor();
                constructor.setAccessible(true);
                Object copy = roundTrip(constructor.newInstance());
                assertEquals(bean, copy.getClass());
            } catch (Exception | Error e) {
                problems.add(bean.getSimpleName() + ": " + e);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void whatTheApplicationPutsInTheSessionSerializes() throws Exception {
        SignInAttempt attempt = new SignInAttempt("state", "nonce", "verifier", Instant.parse("2026-01-05T10:00:00Z"));
        assertEquals(attempt, roundTrip(attempt));
    }

    @Test
    void theSessionIsDistributableAndThePagesStateIsKeptInItSerialized() throws Exception {
        Document webXml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(Path.of("src", "main", "webapp", "WEB-INF", "web.xml").toFile());
        assertEquals(1, webXml.getElementsByTagName("distributable").getLength(), "web.xml: <distributable/>");
        Map<String, String> parameters = new HashMap<>();
        NodeList params = webXml.getElementsByTagName("context-param");
        for (int i = 0; i < params.getLength(); i++) {
            Element param = (Element) params.item(i);
            parameters.put(text(param, "param-name"), text(param, "param-value"));
        }
        assertEquals("server", parameters.get("jakarta.faces.STATE_SAVING_METHOD"), "the views' state in the session");
        assertEquals("true", parameters.get("jakarta.faces.SERIALIZE_SERVER_STATE"),
                "serialized at every request, so a view that cannot be copied fails on one server too");
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    private static List<Field> fields(Class<?> bean) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = bean; c != null && c.getName().startsWith("org.district."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}

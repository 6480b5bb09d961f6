package org.leadingtogether.platform;

import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a cluster the HTTP session travels between instances (web.xml is {@code <distributable/>}), and with
 * Faces' server-side state saving the view-scoped beans live in the session too. So every session- and
 * view-scoped bean, and everything its fields can hold, must be serialisable. This walks the declared types of
 * those fields (and of their fields, and the type arguments of lists and maps) and names any that is not.
 *
 * <p>Injected fields are left to the CDI container, which checks passivation when the application deploys
 * (service proxies and normal-scoped beans are serialisable by construction), except the container's
 * SecurityContext: Payara's implementation says it is Serializable but holds parts that are not (the instances
 * logged "Cannot serialize session attribute" for the bean holding it), so it must be transient.
 */
class SessionStateSerialisableTest {

    @Test
    void everySessionAndViewScopedBeanHoldsOnlySerialisableState() throws Exception {
        List<Class<?>> beans = scopedBeans();
        assertFalse(beans.isEmpty(), "no session- or view-scoped beans found: is target/classes there?");
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            fields(bean, bean.getSimpleName(), seen, problems, true);
        }
        assertTrue(problems.isEmpty(), "Not serialisable, yet kept in the session:\n  " + String.join("\n  ", problems));
    }

    @Test
    void whatTheSignInAndTheEnrolmentUploadPutInTheSessionSurvivesSerialisation() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (String name : List.of("org.leadingtogether.account.PortalAuthenticationMechanism$Caller",
                "org.leadingtogether.cohort.view.PendingUpload")) {
            check(Class.forName(name), name, seen, problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        Object caller = Class.forName("org.leadingtogether.account.PortalAuthenticationMechanism$Caller")
                .getConstructors()[0].newInstance(42L, 3, Set.copyOf(List.of("LEARNER", "COACH")));
        assertEquals(caller, roundTrip(caller));
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    private static List<Class<?>> scopedBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SessionStateSerialisableTest.class.getClassLoader().getResource("org/leadingtogether/platform/ReferenceCache.class").toURI())
                .getParent().getParent().getParent().getParent();
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/leadingtogether"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SessionStateSerialisableTest.class.getClassLoader());
                if (type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)
                        || type.isAnnotationPresent(ConversationScoped.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }

    private static void fields(Class<?> type, String path, Set<Class<?>> seen, List<String> problems, boolean bean) {
        for (Class<?> c = type; c != null && c != Object.class && !c.getName().startsWith("java."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (bean && field.isAnnotationPresent(Inject.class) && field.getType() == SecurityContext.class && !Modifier.isTransient(modifiers)) {
                    problems.add(path + "." + field.getName() + ": the container's SecurityContext does not serialise; make the field transient and look it up again");
                }
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || (bean && field.isAnnotationPresent(Inject.class))) {
                    continue;
                }
                check(field.getGenericType(), path + "." + field.getName(), seen, problems);
            }
        }
    }

    private static void check(Type type, String path, Set<Class<?>> seen, List<String> problems) {
        if (type instanceof ParameterizedType parameterised) {
            check(parameterised.getRawType(), path, seen, problems);
            for (Type argument : parameterised.getActualTypeArguments()) {
                check(argument, path + "<>", seen, problems);
            }
        } else if (type instanceof GenericArrayType array) {
            check(array.getGenericComponentType(), path + "[]", seen, problems);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(bound, path, seen, problems);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                check(bound, path, seen, problems);
            }
        } else if (type instanceof Class<?> c) {
            checkClass(c, path, seen, problems);
        }
    }

    private static void checkClass(Class<?> c, String path, Set<Class<?>> seen, List<String> problems) {
        if (c.isPrimitive() || c == Object.class || c.isEnum() || Enum.class.isAssignableFrom(c)) {
            return;
        }
        if (c.isArray()) {
            checkClass(c.getComponentType(), path + "[]", seen, problems);
            return;
        }
        if (c == Optional.class) {
            problems.add(path + ": java.util.Optional is not Serializable");
            return;
        }
        boolean jdk = c.getName().startsWith("java.");
        boolean open = c.isInterface() || Modifier.isAbstract(c.getModifiers());
        if (jdk && open) {
            return; // List, Map, Set, Number…: what they hold is checked through their type arguments
        }
        if (!seen.add(c)) {
            return;
        }
        if (c.isSealed()) {
            for (Class<?> permitted : c.getPermittedSubclasses()) {
                checkClass(permitted, path + "(" + permitted.getSimpleName() + ")", seen, problems);
            }
            return;
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + ": " + c.getName() + " is not Serializable");
            return;
        }
        if (!jdk) {
            fields(c, path, seen, problems, false);
        }
    }
}

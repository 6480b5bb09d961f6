package org.leadingtogether.platform.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps {@link StatelessPages} honest. No page kept without its view's state may have a bean kept for the view (it
 * would be made afresh each time), and the signed-in ones may have nothing for Faces to take back: were a Faces form or
 * an Ajax call added to one, it would be built afresh when sent and lose what the person had done. (The pages anyone
 * may open have forms, which carry all they need.) Read from the pages themselves, with every template and part they
 * include.
 */
class StatelessPagesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path SOURCES = Path.of("src/main/java");

    /** What Faces takes back: its forms, command buttons and links, Ajax of either kind, remote commands. */
    private static final Pattern SENDS_BACK = Pattern.compile("<(h:form|h:command\\w*|p:command\\w*|p:ajax|f:ajax|p:remoteCommand)\\b");
    private static final Pattern INCLUDES = Pattern.compile("(?:src|template)=\"(/WEB-INF/[^\"#]+\\.xhtml)\"");
    private static final Pattern BEAN = Pattern.compile("#\\{(?:not |empty )?([a-z][A-Za-z0-9]*)\\.");

    @Test
    void everyPageOnTheListExists() {
        for (String view : all()) {
            assertTrue(Files.isRegularFile(WEBAPP.resolve(view.substring(1))), view + " is on the list but is no page");
        }
    }

    @Test
    void noSignedInPageOnTheListHasAnythingForFacesToTakeBack() {
        for (String view : StatelessPages.SHOW_ONLY) {
            for (Path file : withParts(view)) {
                Matcher sends = SENDS_BACK.matcher(read(file));
                if (sends.find()) {
                    fail(view + " is kept without its view's state, but " + WEBAPP.relativize(file) + " has <" + sends.group(1)
                            + ">: take the page off StatelessPages' list");
                }
            }
        }
    }

    @Test
    void noPageOnTheListHasABeanKeptForTheView() {
        for (String view : all()) {
            for (String bean : beans(view)) {
                Optional<Path> source = beanSource(bean);
                source.ifPresent(found -> assertFalse(read(found).contains("@ViewScoped"), view + " is kept without its view's state, but its bean "
                        + bean + " lives as long as the view: take the page off StatelessPages' list"));
            }
        }
    }

    @Test
    void thePagesAnyoneMayOpenAndTheSignedInOnesAreApartAndBothRead() {
        Set<String> both = new TreeSet<>(StatelessPages.ANYONE);
        both.retainAll(StatelessPages.SHOW_ONLY);
        assertEquals(Set.of(), both);
        for (String view : all()) {
            assertTrue(StatelessPages.isStateless(view), view);
        }
        assertFalse(StatelessPages.isStateless("/learner/lesson.xhtml"), "a page with forms keeps its state");
        assertFalse(StatelessPages.isStateless(null));
    }

    @Test
    void theCheckFindsAFormAndABeanKeptForTheView() {
        // The checks above prove something only if they would notice: the lesson page has forms and a view-scoped bean.
        assertTrue(withParts("/learner/lesson.xhtml").stream().anyMatch(file -> SENDS_BACK.matcher(read(file)).find()));
        assertTrue(beans("/learner/lesson.xhtml").stream().map(StatelessPagesTest::beanSource).flatMap(Optional::stream)
                .anyMatch(source -> read(source).contains("@ViewScoped")));
        assertTrue(withParts("/learner/home.xhtml").size() > 2, "the home's layout and panels are read too: " + withParts("/learner/home.xhtml"));
    }

    private static Set<String> all() {
        Set<String> all = new TreeSet<>(StatelessPages.ANYONE);
        all.addAll(StatelessPages.SHOW_ONLY);
        return all;
    }

    /** The page's file and every template or part it includes, and theirs in turn. */
    private static List<Path> withParts(String view) {
        Set<Path> found = new LinkedHashSet<>();
        List<Path> toRead = new ArrayList<>(List.of(WEBAPP.resolve(view.substring(1))));
        while (!toRead.isEmpty()) {
            Path file = toRead.remove(0);
            if (found.add(file)) {
                Matcher include = INCLUDES.matcher(read(file));
                while (include.find()) {
                    toRead.add(WEBAPP.resolve(include.group(1).substring(1)));
                }
            }
        }
        return List.copyOf(found);
    }

    /** The names of the beans the page and its parts use ({@code #{name.…}}). */
    private static Set<String> beans(String view) {
        Set<String> names = new TreeSet<>();
        for (Path file : withParts(view)) {
            Matcher bean = BEAN.matcher(read(file));
            while (bean.find()) {
                names.add(bean.group(1));
            }
        }
        return names;
    }

    /** The source of the portal's class named as the bean is (its simple name, capitalised), if there is one. */
    private static Optional<Path> beanSource(String bean) {
        String file = Character.toUpperCase(bean.charAt(0)) + bean.substring(1) + ".java";
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            return sources.filter(path -> path.getFileName().toString().equals(file)).findFirst();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + file, unreadable);
        }
    }
}

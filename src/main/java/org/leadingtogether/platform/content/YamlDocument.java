package org.leadingtogether.platform.content;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A YAML mapping that remembers the file line of every key, so a reader can say "line 7: minutes must be a whole
 * number" instead of "the file is wrong".
 *
 * <p>The text is composed into SnakeYAML nodes rather than loaded into maps: nodes keep their position, maps
 * do not. Values are read as they are asked for, and a value of the wrong kind (a list where text belongs, "ten"
 * where a number belongs) throws {@link Invalid} carrying the key's line, which the caller records as an error
 * and then carries on with the rest of the file. A key given twice in one mapping is refused when parsing,
 * because YAML would otherwise silently keep only one of the two values.
 */
public final class YamlDocument {

    private static final String NOT_A_MAPPING =
            "The YAML must be a set of keys and values, one per line, such as 'id: my-id'.";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?\\d{1,9}");
    private static final Set<String> TRUE = Set.of("true", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "off");

    private final MappingNode mapping;
    private final int firstLine;
    private final int lineOffset;

    private YamlDocument(MappingNode mapping, int firstLine, int lineOffset) {
        this.mapping = mapping;
        this.firstLine = firstLine;
        this.lineOffset = lineOffset;
    }

    /**
     * @param yaml      the YAML text
     * @param firstLine the file line on which {@code yaml} starts, so every line reported is a file line
     * @throws Invalid when the YAML is malformed, is not a mapping, or repeats a key
     */
    public static YamlDocument parse(String yaml, int firstLine) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            throw new Invalid(lineOf(e, firstLine), describe(e));
        } catch (YAMLException e) {
            throw new Invalid(firstLine, "The YAML could not be read: " + e.getMessage());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new Invalid(root == null ? firstLine : firstLine + root.getStartMark().getLine(), NOT_A_MAPPING);
        }
        refuseRepeatedKeys(mapping, firstLine);
        return new YamlDocument(mapping, firstLine, firstLine);
    }

    /** Where the problem is, except for an unclosed quote or bracket, which is best found where it opened. */
    private static int lineOf(MarkedYAMLException e, int firstLine) {
        boolean ranOut = e.getProblem() != null && e.getProblem().contains("end of stream");
        Mark mark = ranOut && e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
        if (mark == null) {
            mark = e.getContextMark();
        }
        return mark == null ? firstLine : firstLine + mark.getLine();
    }

    /** SnakeYAML's own wording, which names the problem precisely, followed by a hint for the usual causes. */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "it could not be read" : e.getProblem().strip();
        if (problem.contains("TAB")) {
            return "The YAML is malformed: it contains a tab character. Indent with spaces, not tabs.";
        }
        StringBuilder message = new StringBuilder("The YAML is malformed: ");
        if (e.getContext() != null) {
            message.append(e.getContext()).append(", ");
        }
        message.append(problem);
        if (!problem.endsWith(".")) {
            message.append('.');
        }
        if (problem.contains("mapping values are not allowed")) {
            message.append(" If a value contains a colon followed by a space, put the whole value in quotes.");
        } else if (problem.contains("expected <block end>") || problem.contains("could not find expected ':'")) {
            message.append(" Check the indentation of this line and the lines just before it.");
        } else if (problem.contains("end of stream")) {
            message.append(" Check that every quote and bracket opened here is closed.");
        }
        return message.toString();
    }

    private static void refuseRepeatedKeys(Node node, int lineOffset) {
        if (node instanceof MappingNode mapping) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                    throw new Invalid(lineOffset + key.getStartMark().getLine(),
                            "The key '" + key.getValue() + "' appears more than once; keep only one of them.");
                }
                refuseRepeatedKeys(entry.getValueNode(), lineOffset);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> refuseRepeatedKeys(item, lineOffset));
        }
    }

    /** The file line where this mapping starts: the first line of the text, or of the list item. */
    public int firstLine() {
        return firstLine;
    }

    /** Whether the key is present with a value ({@code key:} with nothing after it counts as absent). */
    public boolean has(String key) {
        return value(key).isPresent();
    }

    /** The file line of the key, or {@link #firstLine()} when it is absent, which is where it belongs. */
    public int line(String key) {
        return entry(key).map(entry -> lineOf(entry.getKeyNode())).orElse(firstLine);
    }

    /**
     * The value as text, trimmed. Numbers and booleans are given as written, so {@code version: 2012} reads as
     * "2012".
     *
     * @return empty when the key is absent, has no value or is blank
     * @throws Invalid when the value is a list or a mapping
     */
    public Optional<String> string(String key) {
        return scalar(key, "a single piece of text").map(text -> text.strip()).filter(text -> !text.isEmpty());
    }

    /**
     * @return empty when the key is absent or has no value
     * @throws Invalid when the value is not a whole number
     */
    public Optional<Integer> integer(String key) {
        Optional<String> text = scalar(key, "a whole number").map(String::strip);
        if (text.isPresent() && !WHOLE_NUMBER.matcher(text.get()).matches()) {
            throw new Invalid(line(key), "'" + key + "' must be a whole number, such as 10, not '" + text.get() + "'.");
        }
        return text.map(Integer::parseInt);
    }

    /**
     * @return the value, or {@code fallback} when the key is absent or has no value
     * @throws Invalid when the value is not true or false
     */
    public boolean bool(String key, boolean fallback) {
        Optional<String> text = scalar(key, "true or false").map(value -> value.strip().toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return fallback;
        }
        if (TRUE.contains(text.get())) {
            return true;
        }
        if (FALSE.contains(text.get())) {
            return false;
        }
        throw new Invalid(line(key), "'" + key + "' must be true or false, not '" + text.get() + "'.");
    }

    /**
     * A list of text items, trimmed, written either as {@code [a, b]} or one {@code - item} per line.
     *
     * @return an empty list when the key is absent or has no value
     * @throws Invalid when the value is not a list, or an item is empty or not text (at the item's line)
     */
    public List<String> strings(String key) {
        List<String> items = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (!(item instanceof ScalarNode scalar) || isNull(item) || scalar.getValue().isBlank()) {
                throw new Invalid(lineOf(item), "Each item under '" + key + "' must be a short piece of text.");
            }
            items.add(scalar.getValue().strip());
        }
        return List.copyOf(items);
    }

    /**
     * A list whose items are themselves mappings, each read with its own lines.
     *
     * @return an empty list when the key is absent or has no value
     * @throws Invalid when the value is not a list, or an item is not a mapping (at the item's line)
     */
    public List<YamlDocument> mappings(String key) {
        List<YamlDocument> items = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (!(item instanceof MappingNode itemMapping)) {
                throw new Invalid(lineOf(item),
                        "Each item under '" + key + "' must be a set of keys and values, starting with '- '.");
            }
            items.add(new YamlDocument(itemMapping, lineOf(item), lineOffset));
        }
        return List.copyOf(items);
    }

    /**
     * A key whose value is itself a set of keys and values, read with its own lines.
     *
     * @throws Invalid when the key is absent or its value is not a mapping (at the key's line)
     */
    public YamlDocument mapping(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty() || !(value.get() instanceof MappingNode nested)) {
            throw new Invalid(line(key), "'" + key + "' must be a set of keys and values, each on its own indented"
                    + " line.");
        }
        return new YamlDocument(nested, lineOf(nested), lineOffset);
    }

    private List<Node> sequence(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof SequenceNode sequence)) {
            throw new Invalid(line(key),
                    "'" + key + "' must be a list, written as [first, second] or one '- item' per line.");
        }
        return sequence.getValue();
    }

    private Optional<String> scalar(String key, String expected) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof ScalarNode scalar)) {
            String found = value.get() instanceof SequenceNode ? "a list" : "a set of keys and values";
            throw new Invalid(line(key), "'" + key + "' must be " + expected + ", not " + found + ".");
        }
        return Optional.of(scalar.getValue());
    }

    private Optional<Node> value(String key) {
        return entry(key).map(NodeTuple::getValueNode).filter(node -> !isNull(node));
    }

    private Optional<NodeTuple> entry(String key) {
        return mapping.getValue().stream()
                .filter(entry -> entry.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key))
                .findFirst();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private int lineOf(Node node) {
        return lineOffset + node.getStartMark().getLine();
    }

    /**
     * YAML that cannot be used, with the file line to look at and a message for the administrator who will fix
     * it (no line number inside the message; the caller reports the line separately).
     */
    public static final class Invalid extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int line;

        public Invalid(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The 1-based file line of the problem. */
        public int line() {
            return line;
        }
    }
}

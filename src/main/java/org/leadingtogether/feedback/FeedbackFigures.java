package org.leadingtogether.feedback;

import org.leadingtogether.framework.FrameworkView;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a learner's 360 report may show, and its figures: the learner's own rating beside each group's and beside
 * all others', per dimension and element, and the largest gaps either way. Plain Java, so every rule is tested alone
 * ({@code FeedbackFiguresTest}).
 *
 * <p>The anonymity rules, and why:
 * <ul>
 *   <li>The line manager's answers are shown as theirs, even alone: they are told so before they answer, and there is
 *       one line manager a round.</li>
 *   <li>Any other group is shown on its own only with at least {@value #GROUP_MIN} answers; a smaller group counts only
 *       within "all others". If the groups left out that way hold one or two answers between them while another group
 *       is shown, those one or two could be worked out by subtracting the shown groups from "all others", so the
 *       smallest shown group is folded in as well, until the folded answers are none or at least three.</li>
 *   <li>Because a rater may say "not able to say", the same rule holds cell by cell: a group's figure for an element or
 *       dimension needs {@value #GROUP_MIN} raters who rated it; "all others" needs three raters other than the line
 *       manager, and its figure is left out when the raters it holds beyond the figures shown beside it are one or two.
 *       A dimension's figure is left out where one of its elements' figures was left out with raters behind it, since
 *       the element could then be worked out from the dimension.</li>
 * </ul>
 * A figure left out is shown as such, never as a zero.
 */
public final class FeedbackFigures {

    /** The fewest answers a group (other than the line manager) needs to be shown on its own. */
    public static final int GROUP_MIN = 3;
    /** The smallest difference between self and others called a gap (on the 1 to 4 scale). */
    public static final double GAP_MIN = 0.5;
    /** How many gaps are listed each way. */
    public static final int GAPS = 3;

    static final String SELF = "SELF";
    static final String ALL = "ALL";

    private FeedbackFigures() {
    }

    /** One rater's answers (or the learner's own): their group and their rating per element code ("not able to say" left out). */
    public record Answer(long responseId, Relationship group, Map<String, Integer> ratings) implements Serializable {
    }

    /** A column of the report: the learner, a group shown on its own, or all others; {@code answers} is how many answered. */
    public record Column(String key, String label, int answers) implements Serializable {

        public boolean isSelf() {
            return SELF.equals(key);
        }

        public boolean isAllOthers() {
            return ALL.equals(key);
        }
    }

    /** A figure: the average rating, or {@code null} when it is left out; {@code raters} is how many rated it. */
    public record Cell(Double value, int raters) implements Serializable {

        public boolean isShown() {
            return value != null;
        }

        /** The average to one decimal place, or a dash. */
        public String text() {
            return value == null ? "–" : String.format(java.util.Locale.UK, "%.1f", value);
        }
    }

    /** A dimension or element with one cell per column. */
    public record Row(String code, String name, List<Cell> cells) implements Serializable {
    }

    /** A dimension's row and its elements' rows. */
    public record Section(Row dimension, List<Row> elements) implements Serializable {
    }

    /** A difference between the learner's own rating of an element and all others'. */
    public record Gap(String code, String name, double self, double others) implements Serializable {

        public double difference() {
            return others - self;
        }

        public String text() {
            return String.format(java.util.Locale.UK, "%.1f", Math.abs(difference()));
        }
    }

    /** A group counted only within all others, and how many answered in it. */
    public record Folded(Relationship group, int answers) implements Serializable {
    }

    /**
     * @param columns        the learner, each group shown on its own, all others
     * @param sections       a section per dimension, in the framework's order
     * @param othersSeeMore  elements all others rate higher than the learner does, largest first
     * @param youSeeMore     elements the learner rates higher than all others do, largest first
     * @param folded         groups counted only within all others
     * @param answers        how many raters answered
     */
    public record Report(List<Column> columns, List<Section> sections, List<Gap> othersSeeMore, List<Gap> youSeeMore,
                         List<Folded> folded, int answers) implements Serializable {

        /** The index of the all-others column. */
        public int allOthersIndex() {
            return columns.size() - 1;
        }

        /** Whether all others' figure is shown for at least one dimension. */
        public boolean hasAllOthers() {
            return sections.stream().anyMatch(s -> s.dimension().cells().get(allOthersIndex()).isShown());
        }

        /** Which groups count only within all others, in words; empty when none. */
        public String foldedText() {
            return FeedbackText.folded(this);
        }

        /** The dimension rows' cells in one column, for a chart. */
        public List<Double> dimensionValues(int column) {
            return sections.stream().map(s -> s.dimension().cells().get(column).value()).toList();
        }
    }

    /** The report for {@code framework}, from the learner's own ratings and the raters' answers. */
    public static Report report(FrameworkView framework, Map<String, Integer> self, List<Answer> answers) {
        Map<Relationship, Integer> counts = new EnumMap<>(Relationship.class);
        answers.forEach(a -> counts.merge(a.group(), 1, Integer::sum));
        Set<Relationship> shown = shownGroups(counts);

        List<Column> columns = new ArrayList<>();
        columns.add(new Column(SELF, Relationship.SELF.getLabel(), self.isEmpty() ? 0 : 1));
        for (Relationship group : Relationship.groups()) {
            if (shown.contains(group)) {
                columns.add(new Column(group.name(), group.getLabel(), counts.get(group)));
            }
        }
        columns.add(new Column(ALL, "All others", answers.size()));

        List<Section> sections = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (FrameworkView.DimensionView dimension : framework.dimensions()) {
            List<Row> elements = new ArrayList<>();
            List<List<Cell>> elementCells = new ArrayList<>();
            for (FrameworkView.ElementView element : dimension.elements()) {
                List<Cell> cells = cells(Set.of(element.code()), columns, shown, self, answers);
                elements.add(new Row(element.code(), element.name(), cells));
                elementCells.add(cells);
                Cell mine = cells.get(0);
                Cell others = cells.get(cells.size() - 1);
                if (mine.isShown() && others.isShown()) {
                    gaps.add(new Gap(element.code(), element.name(), mine.value(), others.value()));
                }
            }
            Set<String> codes = new LinkedHashSet<>(dimension.elements().stream().map(FrameworkView.ElementView::code).toList());
            List<Cell> cells = new ArrayList<>(cells(codes, columns, shown, self, answers));
            for (int c = 1; c < cells.size(); c++) {
                int column = c;
                // An element figure left out with raters behind it could be worked out from the dimension's.
                if (elementCells.stream().anyMatch(e -> !e.get(column).isShown() && e.get(column).raters() > 0)) {
                    cells.set(c, new Cell(null, cells.get(c).raters()));
                }
            }
            sections.add(new Section(new Row(dimension.code(), dimension.name(), List.copyOf(cells)), List.copyOf(elements)));
        }

        List<Gap> othersSeeMore = gaps.stream().filter(g -> g.difference() >= GAP_MIN)
                .sorted(Comparator.comparingDouble(Gap::difference).reversed()).limit(GAPS).toList();
        List<Gap> youSeeMore = gaps.stream().filter(g -> -g.difference() >= GAP_MIN)
                .sorted(Comparator.comparingDouble(Gap::difference)).limit(GAPS).toList();
        List<Folded> folded = Relationship.groups().stream()
                .filter(g -> counts.containsKey(g) && !shown.contains(g))
                .map(g -> new Folded(g, counts.get(g))).toList();
        return new Report(List.copyOf(columns), List.copyOf(sections), othersSeeMore, youSeeMore, folded, answers.size());
    }

    /**
     * The groups shown on their own: the line manager whenever they answered, any other group with at least three
     * answers, less the smallest of those while the answers left out number one or two.
     */
    static Set<Relationship> shownGroups(Map<Relationship, Integer> counts) {
        Set<Relationship> shown = new LinkedHashSet<>();
        for (Relationship group : Relationship.groups()) {
            int count = counts.getOrDefault(group, 0);
            if (group.isLineManager() ? count >= 1 : count >= GROUP_MIN) {
                shown.add(group);
            }
        }
        while (true) {
            int left = counts.entrySet().stream().filter(e -> !e.getKey().isLineManager() && !shown.contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            List<Relationship> others = shown.stream().filter(g -> !g.isLineManager()).toList();
            if (left == 0 || left >= GROUP_MIN || others.isEmpty()) {
                return shown;
            }
            Relationship smallest = others.stream()
                    .min(Comparator.comparingInt((Relationship g) -> counts.get(g)).thenComparing(Comparator.reverseOrder()))
                    .orElseThrow();
            shown.remove(smallest);
        }
    }

    private static List<Cell> cells(Set<String> codes, List<Column> columns, Set<Relationship> shown, Map<String, Integer> self,
                                    List<Answer> answers) {
        List<Cell> cells = new ArrayList<>();
        cells.add(mean(List.of(new Answer(0, Relationship.SELF, self)), codes));
        Map<Relationship, Cell> byGroup = new EnumMap<>(Relationship.class);
        for (Column column : columns.subList(1, columns.size() - 1)) {
            Relationship group = Relationship.valueOf(column.key());
            List<Answer> theirs = answers.stream().filter(a -> a.group() == group).toList();
            Cell cell = mean(theirs, codes);
            boolean enough = group.isLineManager() ? cell.raters() >= 1 : cell.raters() >= GROUP_MIN;
            Cell shownCell = enough ? cell : new Cell(null, cell.raters());
            byGroup.put(group, shownCell);
            cells.add(shownCell);
        }
        Cell all = mean(answers, codes);
        List<Answer> notManager = answers.stream().filter(a -> !a.group().isLineManager()).toList();
        int raters = contributors(notManager, codes);
        int beyond = contributors(notManager.stream()
                .filter(a -> !shown.contains(a.group()) || !byGroup.get(a.group()).isShown()).toList(), codes);
        boolean allShown = raters >= GROUP_MIN && (beyond == 0 || beyond >= GROUP_MIN);
        cells.add(allShown ? all : new Cell(null, all.raters()));
        return cells;
    }

    private static int contributors(Collection<Answer> answers, Set<String> codes) {
        return (int) answers.stream().filter(a -> codes.stream().anyMatch(a.ratings()::containsKey)).count();
    }

    private static Cell mean(List<Answer> answers, Set<String> codes) {
        long total = 0;
        int count = 0;
        int raters = 0;
        for (Answer answer : answers) {
            boolean rated = false;
            for (String code : codes) {
                Integer rating = answer.ratings().get(code);
                if (rating != null) {
                    total += rating;
                    count++;
                    rated = true;
                }
            }
            if (rated) {
                raters++;
            }
        }
        return new Cell(count == 0 ? null : (double) total / count, raters);
    }
}

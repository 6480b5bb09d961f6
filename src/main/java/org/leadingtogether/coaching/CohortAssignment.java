package org.leadingtogether.coaching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs a whole cohort with coaches at once: as many coachees as the rules and the coaches' free places allow,
 * and among all ways of pairing that many, the one with the highest total score.
 *
 * <p><b>Why not greedy.</b> Taking coachees one by one and giving each their best coach still free looks fair
 * but strands people. Say coachee A fits coaches X and Y almost equally well, and coachee B fits only X (Y is
 * B's line manager), each coach with one place. Whoever comes first, A takes X because X is a shade better,
 * and B is left with nobody, although A with Y and B with X pairs both. Taking the best-scoring pairs first
 * fails the same way, and any order of coachees can be beaten by another example. So the cohort is solved as
 * one problem.
 *
 * <p><b>How.</b> A minimum-cost maximum flow: source to every coachee (capacity 1), coachee to every coach the
 * hard rules allow (capacity 1, cost falling as the score rises), coach to sink (capacity the coach's free
 * places). Successive shortest paths, with Dijkstra on reduced costs (Johnson potentials), add one coachee at a
 * time along the cheapest route, re-pairing earlier coachees where that helps; because every route to the
 * sink is cheapest when found, the final flow pairs the most coachees possible and, among those pairings, has
 * the least cost. Costs are kept non-negative (100 minus the score, so every pairing costs the same fixed
 * amount plus what it lacks) which lets the first search start without potentials.
 *
 * <p><b>Balance.</b> A coach's n-th new coachee costs a hair more than their (n-1)-th, by an amount too small
 * ever to outweigh a single point of score. Among pairings with the same count and the same total score, the
 * coachees are therefore spread across coaches rather than piled on one, so no coach is given three new
 * coachees while an equally good coach gets none.
 *
 * <p><b>Determinism.</b> Coachees and coaches are ordered by id before the graph is built, and every tie is
 * broken by node order, so the same cohort gives the same pairing whatever order it was read in: a programme
 * manager who runs it twice sees no change.
 *
 * <p>Pairs are scored once, before any assignment, so a suggestion's score and capacity reason describe the
 * coach as they are when the cohort is assigned. For 200 coachees and 250 coaches this takes a few tens of
 * milliseconds.
 */
public final class CohortAssignment {

    private CohortAssignment() {
    }

    /**
     * The outcome for a cohort.
     *
     * @param byCoacheeId          the coach suggested for every coachee who could be paired, in coachee id order
     * @param unassignedCoacheeIds coachees who could not be paired, in id order: either no coach is allowed for
     *                             them, or every coach allowed for them is needed by someone else
     * @param totalScore           the sum of the scores of the pairings made
     */
    public record Result(Map<Long, Suggestion> byCoacheeId, List<Long> unassignedCoacheeIds, int totalScore) {

        public Result {
            byCoacheeId = Collections.unmodifiableMap(new LinkedHashMap<>(byCoacheeId));
            unassignedCoacheeIds = List.copyOf(unassignedCoacheeIds);
        }
    }

    /**
     * Assigns the cohort. Each coach is given at most {@link MatchCandidate#freePlaces()} new coachees and every
     * pairing passes {@link CoachMatcher#exclusionReason}.
     *
     * @throws IllegalArgumentException if two coachees or two coaches share an id
     */
    public static Result assign(List<MatchCoachee> coachees, Collection<MatchCandidate> coaches,
                                CoachMatcher matcher) {
        MatchCoachee[] people = coachees.toArray(new MatchCoachee[0]);
        Arrays.sort(people, Comparator.comparingLong(MatchCoachee::personId));
        for (int i = 1; i < people.length; i++) {
            if (people[i].personId() == people[i - 1].personId()) {
                throw new IllegalArgumentException("Coachee " + people[i].personId() + " is listed twice");
            }
        }
        MatchCandidate[] allCoaches = coaches.toArray(new MatchCandidate[0]);
        Arrays.sort(allCoaches, Comparator.comparingLong(MatchCandidate::coachId));
        for (int i = 1; i < allCoaches.length; i++) {
            if (allCoaches[i].coachId() == allCoaches[i - 1].coachId()) {
                throw new IllegalArgumentException("Coach " + allCoaches[i].coachId() + " is listed twice");
            }
        }

        int n = people.length;
        int m = allCoaches.length;
        CoachMatcher.Prepared[] prepared = new CoachMatcher.Prepared[n];
        // Eligible pairs and their scores, coachee by coachee, in coach id order.
        int[][] pairCoach = new int[n][];
        int[][] pairScore = new int[n][];
        int[] wanted = new int[m];
        int[] coachIndex = new int[m];
        int[] scores = new int[m];
        for (int i = 0; i < n; i++) {
            prepared[i] = matcher.prepare(people[i]);
            int count = 0;
            for (int j = 0; j < m; j++) {
                if (matcher.reasonOrNull(people[i], allCoaches[j]) == null) {
                    coachIndex[count] = j;
                    scores[count] = matcher.score(prepared[i], allCoaches[j]);
                    count++;
                    wanted[j]++;
                }
            }
            pairCoach[i] = Arrays.copyOf(coachIndex, count);
            pairScore[i] = Arrays.copyOf(scores, count);
        }

        // Node numbers: source, coachees, coaches, sink.
        int source = 0;
        int sink = n + m + 1;
        Flow flow = new Flow(n + m + 2);
        // A coach's k-th new coachee costs k more; all of those together stay below one point of score.
        long scale = (long) n * n + 1;
        for (int i = 0; i < n; i++) {
            flow.add(source, 1 + i, 0);
        }
        int[] firstPairEdge = new int[n];
        for (int i = 0; i < n; i++) {
            firstPairEdge[i] = flow.edges;
            for (int e = 0; e < pairCoach[i].length; e++) {
                flow.add(1 + i, 1 + n + pairCoach[i][e], (100L - pairScore[i][e]) * scale);
            }
        }
        for (int j = 0; j < m; j++) {
            int places = Math.min(allCoaches[j].freePlaces(), wanted[j]);
            for (int k = 0; k < places; k++) {
                flow.add(1 + n + j, sink, k);
            }
        }
        flow.run(source, sink);

        Map<Long, Suggestion> byCoachee = new LinkedHashMap<>();
        List<Long> unassigned = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < n; i++) {
            int chosen = -1;
            for (int e = 0; e < pairCoach[i].length; e++) {
                if (flow.used(firstPairEdge[i] + 2 * e)) {
                    chosen = pairCoach[i][e];
                    break;
                }
            }
            if (chosen < 0) {
                unassigned.add(people[i].personId());
            } else {
                Suggestion suggestion = matcher.suggestion(prepared[i], allCoaches[chosen]);
                byCoachee.put(people[i].personId(), suggestion);
                total += suggestion.score();
            }
        }
        return new Result(byCoachee, unassigned, total);
    }

    /**
     * A flow network in flat arrays, every edge of capacity 1 stored next to its reverse (edge {@code e} and
     * {@code e ^ 1}), with successive shortest paths. Unit capacities suffice: a coach with several places has
     * one edge per place, which is also how each place gets its own cost.
     */
    private static final class Flow {
        private final int nodes;
        private final int[] head;
        private int[] next = new int[64];
        private int[] to = new int[64];
        private int[] capacity = new int[64];
        private long[] cost = new long[64];
        int edges;

        Flow(int nodes) {
            this.nodes = nodes;
            this.head = new int[nodes];
            Arrays.fill(head, -1);
        }

        /** Adds an edge of capacity 1 and its empty reverse. */
        void add(int from, int target, long price) {
            if (edges + 2 > to.length) {
                int size = to.length * 2;
                next = Arrays.copyOf(next, size);
                to = Arrays.copyOf(to, size);
                capacity = Arrays.copyOf(capacity, size);
                cost = Arrays.copyOf(cost, size);
            }
            link(from, target, 1, price);
            link(target, from, 0, -price);
        }

        private void link(int from, int target, int cap, long price) {
            to[edges] = target;
            capacity[edges] = cap;
            cost[edges] = price;
            next[edges] = head[from];
            head[from] = edges;
            edges++;
        }

        boolean used(int edge) {
            return capacity[edge] == 0;
        }

        /**
         * Pushes one unit at a time along the cheapest path until none is left. Each search stops as soon as
         * the sink is settled, since only the path to it is needed.
         */
        void run(int source, int sink) {
            long[] potential = new long[nodes];
            long[] distance = new long[nodes];
            int[] via = new int[nodes];
            Heap heap = new Heap(nodes, distance);
            while (true) {
                Arrays.fill(distance, Long.MAX_VALUE);
                Arrays.fill(via, -1);
                distance[source] = 0;
                heap.push(source);
                while (!heap.isEmpty()) {
                    int u = heap.pop();
                    if (u == sink) {
                        break; // nothing further away can shorten the path found
                    }
                    long du = distance[u] + potential[u];
                    for (int e = head[u]; e >= 0; e = next[e]) {
                        if (capacity[e] == 0) {
                            continue;
                        }
                        int v = to[e];
                        long candidate = du + cost[e] - potential[v];
                        if (candidate < distance[v]) {
                            distance[v] = candidate;
                            via[v] = e;
                            heap.pushOrDecrease(v);
                        }
                    }
                }
                long reach = distance[sink];
                if (reach == Long.MAX_VALUE) {
                    return;
                }
                heap.clear();
                // Nodes settled before the sink move by their distance, all others by the sink's: reduced
                // costs stay non-negative and those along the path become nought.
                for (int v = 0; v < nodes; v++) {
                    potential[v] += Math.min(distance[v], reach);
                }
                for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                    capacity[via[v]]--;
                    capacity[via[v] ^ 1]++;
                }
            }
        }
    }

    /**
     * A binary heap of node numbers keyed by their distance, with decrease-key, so each search costs
     * O(E log V) without creating objects. Equal distances pop the lower node first, for a fixed result.
     */
    private static final class Heap {
        private final int[] items;
        private final int[] position;
        private final long[] key;
        private int size;

        Heap(int nodes, long[] key) {
            this.items = new int[nodes];
            this.position = new int[nodes];
            this.key = key;
            Arrays.fill(position, -1);
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                position[items[i]] = -1;
            }
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int node) {
            items[size] = node;
            position[node] = size;
            up(size++);
        }

        void pushOrDecrease(int node) {
            if (position[node] < 0) {
                push(node);
            } else {
                up(position[node]);
            }
        }

        int pop() {
            int top = items[0];
            position[top] = -1;
            size--;
            if (size > 0) {
                items[0] = items[size];
                position[items[0]] = 0;
                down(0);
            }
            return top;
        }

        private boolean less(int a, int b) {
            return key[a] < key[b] || (key[a] == key[b] && a < b);
        }

        private void up(int i) {
            int node = items[i];
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(node, items[parent])) {
                    break;
                }
                items[i] = items[parent];
                position[items[i]] = i;
                i = parent;
            }
            items[i] = node;
            position[node] = i;
        }

        private void down(int i) {
            int node = items[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && less(items[child + 1], items[child])) {
                    child++;
                }
                if (!less(items[child], node)) {
                    break;
                }
                items[i] = items[child];
                position[items[i]] = i;
                i = child;
            }
            items[i] = node;
            position[node] = i;
        }
    }
}

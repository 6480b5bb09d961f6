package org.leadingtogether.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Builds the standard data set on MariaDB: 10,000 learners, 250 coaches, 40 programme managers,
 * 40 programmes with 200 cohorts, 500,000 lesson completions, 5,000 earlier self-assessments, the coaches'
 * profiles and five protected-time bookings per enrolled learner (four past, one to come), and two 360 rounds for the
 * large programme ({@link #feedbackRounds}). The first
 * programme is the large one a programme-wide report is measured on: 25 cohorts of 200, 5,000 members; the
 * other 39 programmes share the other 175 cohorts and 5,000 learners (28 or 29 a cohort, as real ones). The portal must have started once against the database with
 * {@code DEMO_DATA=true}, so the schema, the content and the demo people are there; everything added
 * here is marked {@code bench-} and the command refuses to run twice. Deterministic (fixed seed).
 *
 * <p>The shipped content has 29 lessons, fewer than 50 per learner, so 20 extra modules of 5 lessons
 * ({@code bench-module-…}, with no folder, so content reloads leave them alone) make room for the
 * 500,000 completions.
 */
public final class StandardDataSet {

    static final int LEARNERS = 10_000;
    static final int COACHES = 250;
    static final int MANAGERS = 40;
    static final int PROGRAMMES = 40;
    static final int COHORTS = 200;
    static final int BIG_PROGRAMME_COHORTS = 25;
    static final int BIG_COHORT = 200;
    static final int EXTRA_MODULES = 20;
    static final int COMPLETIONS = 500_000;
    static final int ASSESSED = 5_000;

    private final Connection db;
    private final Random random = new Random(20261123L);

    private StandardDataSet(Connection db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        String url = setting("BENCH_DB_URL", "jdbc:mariadb://127.0.0.1:3306/leadingtogether_bench");
        try (Connection db = DriverManager.getConnection(url, setting("BENCH_DB_USER", "leadingtogether"),
                setting("BENCH_DB_PASSWORD", "leadingtogether"))) {
            db.setAutoCommit(false);
            long started = System.nanoTime();
            new StandardDataSet(db).build();
            System.out.printf("Standard data set built in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
    }

    static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
    }

    private void build() throws SQLException {
        String hash = single("SELECT password_hash FROM person WHERE email = 'learner@demo.test'");
        if (hash == null) {
            throw new IllegalStateException("No demo people here: start the portal once against this database with DEMO_DATA=true first.");
        }
        if (count("SELECT COUNT(*) FROM learning_module WHERE published = TRUE AND module_key NOT LIKE 'bench-%'") == 0) {
            // Checked before anything is written: without the shipped modules the set would be left half made.
            throw new IllegalStateException("No published learning modules here: the portal reads them at start from CONTENT_DIR "
                    + "(default: the folder 'content' where it was started). Start it from the repository's folder, or set "
                    + "CONTENT_DIR to that folder, then run this again.");
        }
        if (count("SELECT COUNT(*) FROM person WHERE email LIKE 'bench-%'") > 0) {
            System.out.println("The standard data set is already here; adding what later capabilities need, if missing.");
            coachProfiles();
            if (count("SELECT COUNT(*) FROM booking b JOIN person p ON p.id = b.person_id WHERE p.email LIKE 'bench-%'") == 0) {
                protectedTime();
            }
            feedbackRounds();
            return;
        }
        List<Long> organisations = ids("SELECT id FROM organisation");
        for (int i = 0; i < 55; i++) {
            organisations.add(insertReturningId("INSERT INTO organisation (created_at, modified_at, name, sector) VALUES (NOW(), NOW(), ?, ?)",
                    "Bench organisation " + i, new String[] {"NHS_TRUST", "PRIMARY_CARE", "LOCAL_AUTHORITY", "INDEPENDENT_CARE", "VOLUNTARY_COMMUNITY"}[i % 5]));
        }
        List<Long> professions = ids("SELECT id FROM profession");
        List<Long> learners = people("learner", LEARNERS, "LEARNER", hash, organisations, professions);
        people("coach", COACHES, "COACH", hash, organisations, professions);
        List<Long> managers = people("manager", MANAGERS, "PROGRAMME_MANAGER", hash, organisations, professions);
        db.commit();
        System.out.println("People: " + (LEARNERS + COACHES + MANAGERS));

        extraModules();
        List<Long> lessons = ids("SELECT l.id FROM lesson l JOIN learning_module m ON m.id = l.module_id WHERE l.active = TRUE AND m.published = TRUE");
        List<String> shipped = strings("SELECT module_key FROM learning_module WHERE module_key NOT LIKE 'bench-%' ORDER BY module_key");
        Long framework = count("SELECT COUNT(*) FROM framework WHERE active = TRUE") > 0
                ? Long.valueOf(single("SELECT id FROM framework WHERE active = TRUE")) : null;

        List<Long> cohorts = programmes(managers, shipped, framework);
        memberships(cohorts, learners, managers);
        protectedTime();
        completions(learners, lessons);
        if (framework != null) {
            assessments(learners, framework);
        }
        db.commit();
        coachProfiles();
        feedbackRounds();
    }

    /**
     * Coaching profiles for the 250 bench coaches (added on their own if the rest of the data set is already
     * there): capacity 2 to 5, one or two accreditations, two or three specialisms, three professions; one
     * coach in ten closed to new coachees, one in five taking coachees from their own organisation.
     */
    private void coachProfiles() throws SQLException {
        if (count("SELECT COUNT(*) FROM coach_profile cp JOIN person p ON p.id = cp.person_id WHERE p.email LIKE 'bench-coach-%'") > 0) {
            System.out.println("Coach profiles are already here; nothing to do.");
            return;
        }
        String[] accreditations = {"EMCC Practitioner", "EMCC Senior Practitioner", "ILM Level 5", "ILM Level 7", "ICF Associate Certified Coach",
                "ICF Professional Certified Coach"};
        String[] specialisms = {"Change leadership", "Working across organisations", "Resilience", "Clinical leadership", "New to a senior role",
                "Compassionate leadership", "Leading without authority", "Primary care networks", "Reflective practice", "Quality improvement"};
        List<Long> coaches = ids("SELECT id FROM person WHERE email LIKE 'bench-coach-%' ORDER BY id");
        List<Long> professions = ids("SELECT id FROM profession");
        try (PreparedStatement profile = db.prepareStatement("""
                     INSERT INTO coach_profile (person_id, created_at, modified_at, biography, capacity, takes_own_organisation, available)
                     VALUES (?, NOW(), NOW(), ?, ?, ?, ?)""");
             PreparedStatement accreditation = db.prepareStatement("INSERT INTO coach_accreditation (coach_id, name) VALUES (?, ?)");
             PreparedStatement specialism = db.prepareStatement("INSERT INTO coach_specialism (coach_id, name) VALUES (?, ?)");
             PreparedStatement profession = db.prepareStatement("INSERT INTO coach_profession (coach_id, profession_id) VALUES (?, ?)")) {
            for (long coach : coaches) {
                profile.setLong(1, coach);
                profile.setString(2, "An accredited coach from the standard data set.");
                profile.setInt(3, 2 + random.nextInt(4));
                profile.setBoolean(4, random.nextInt(5) == 0);
                profile.setBoolean(5, random.nextInt(10) != 0);
                profile.addBatch();
                for (String name : pick(accreditations, 1 + random.nextInt(2))) {
                    accreditation.setLong(1, coach);
                    accreditation.setString(2, name);
                    accreditation.addBatch();
                }
                for (String name : pick(specialisms, 2 + random.nextInt(2))) {
                    specialism.setLong(1, coach);
                    specialism.setString(2, name);
                    specialism.addBatch();
                }
                List<Long> shuffled = new ArrayList<>(professions);
                Collections.shuffle(shuffled, random);
                for (long id : shuffled.subList(0, 3)) {
                    profession.setLong(1, coach);
                    profession.setLong(2, id);
                    profession.addBatch();
                }
            }
            profile.executeBatch();
            accreditation.executeBatch();
            specialism.executeBatch();
            profession.executeBatch();
        }
        db.commit();
        System.out.println("Coach profiles: " + count("SELECT COUNT(*) FROM coach_profile"));
    }

    private List<String> pick(String[] from, int howMany) {
        List<String> all = new ArrayList<>(List.of(from));
        Collections.shuffle(all, random);
        return all.subList(0, howMany);
    }

    private List<Long> people(String kind, int howMany, String role, String hash, List<Long> organisations, List<Long> professions) throws SQLException {
        String[] given = {"Amara", "Ben", "Chloe", "Dev", "Efua", "Finn", "Grace", "Hari", "Iona", "Jack", "Kemi", "Liam", "Maya", "Nia", "Owen", "Priya"};
        String[] family = {"Adams", "Begum", "Clarke", "Davies", "Evans", "Farah", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Owusu", "Patel"};
        try (PreparedStatement person = db.prepareStatement("""
                INSERT INTO person (created_at, modified_at, email, given_name, family_name, job_title, profession_id,
                                    organisation_id, active, password_hash, must_change_password)
                VALUES (NOW(), NOW(), ?, ?, ?, ?, ?, ?, TRUE, ?, FALSE)""")) {
            for (int i = 0; i < howMany; i++) {
                person.setString(1, String.format("bench-%s-%05d@bench.test", kind, i));
                person.setString(2, given[random.nextInt(given.length)]);
                person.setString(3, family[random.nextInt(family.length)]);
                person.setString(4, kind.substring(0, 1).toUpperCase() + kind.substring(1));
                person.setLong(5, professions.get(random.nextInt(professions.size())));
                person.setLong(6, organisations.get(random.nextInt(organisations.size())));
                person.setString(7, hash);
                person.addBatch();
                if (i % 1000 == 999) {
                    person.executeBatch();
                }
            }
            person.executeBatch();
        }
        List<Long> ids = ids("SELECT id FROM person WHERE email LIKE 'bench-" + kind + "-%' ORDER BY email");
        try (PreparedStatement roles = db.prepareStatement("INSERT INTO person_role (person_id, role) VALUES (?, ?)")) {
            for (long id : ids) {
                roles.setLong(1, id);
                roles.setString(2, role);
                roles.addBatch();
            }
            roles.executeBatch();
        }
        return ids;
    }

    private void extraModules() throws SQLException {
        List<String> elements = strings("SELECT code FROM framework_element");
        for (int m = 0; m < EXTRA_MODULES; m++) {
            long module = insertReturningId("""
                    INSERT INTO learning_module (created_at, modified_at, module_key, title, summary, minutes, content_version,
                                                 intro_html, published)
                    VALUES (NOW(), NOW(), ?, ?, 'A module of the standard data set.', 30, 1, '<p>Benchmark module.</p>', TRUE)""",
                    String.format("bench-module-%02d", m), String.format("Benchmark module %02d", m));
            try (PreparedStatement element = db.prepareStatement("INSERT INTO learning_module_element (module_id, element_code) VALUES (?, ?)");
                 PreparedStatement lesson = db.prepareStatement("""
                         INSERT INTO lesson (created_at, modified_at, module_id, lesson_key, position, title, minutes, reading_html, active)
                         VALUES (NOW(), NOW(), ?, ?, ?, ?, 6, '<p>Benchmark reading.</p>', TRUE)""")) {
                for (String code : List.of(elements.get(random.nextInt(elements.size())), elements.get(random.nextInt(elements.size())))) {
                    element.setLong(1, module);
                    element.setString(2, code);
                    element.addBatch();
                }
                try {
                    element.executeBatch();
                } catch (SQLException sameElementTwice) {
                    // two random picks of the same element: one row is enough
                }
                for (int l = 0; l < 5; l++) {
                    lesson.setLong(1, module);
                    lesson.setString(2, String.format("bench-lesson-%02d-%d", m, l));
                    lesson.setInt(3, l);
                    lesson.setString(4, "Benchmark lesson " + l);
                    lesson.addBatch();
                }
                lesson.executeBatch();
            }
        }
        db.commit();
    }

    private List<Long> programmes(List<Long> managers, List<String> shipped, Long framework) throws SQLException {
        List<Long> cohorts = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int p = 0; p < PROGRAMMES; p++) {
            LocalDate start = today.minusMonths(1 + p % 6);
            long programme = insertReturningId("""
                    INSERT INTO programme (created_at, modified_at, name, start_date, end_date, coaching_sessions, entitlement_hours,
                                           entitlement_period, framework_id)
                    VALUES (NOW(), NOW(), ?, ?, ?, 6, 4.0, 'MONTH', ?)""",
                    String.format("Bench programme %02d", p), start, start.plusMonths(12), framework);
            execute("INSERT INTO programme_manager (programme_id, person_id) VALUES (?, ?)", programme, managers.get(p));
            for (int k = 0; k < 3; k++) {
                execute("INSERT INTO programme_module (programme_id, module_key) VALUES (?, ?)", programme, shipped.get((p + k) % shipped.size()));
            }
            int small = COHORTS - BIG_PROGRAMME_COHORTS;
            int howMany = p == 0 ? BIG_PROGRAMME_COHORTS : small / (PROGRAMMES - 1) + (p <= small % (PROGRAMMES - 1) ? 1 : 0);
            for (int c = 0; c < howMany; c++) {
                cohorts.add(insertReturningId("""
                        INSERT INTO cohort (created_at, modified_at, programme_id, name, start_date, end_date, capacity)
                        VALUES (NOW(), NOW(), ?, ?, ?, ?, ?)""",
                        programme, "Cohort " + (c + 1), start, start.plusMonths(12), p == 0 ? BIG_COHORT : 40));
            }
        }
        db.commit();
        return cohorts;
    }

    private void memberships(List<Long> cohorts, List<Long> learners, List<Long> managers) throws SQLException {
        try (PreparedStatement member = db.prepareStatement("""
                INSERT INTO cohort_membership (created_at, modified_at, cohort_id, person_id, status, enrolled_at, status_changed_at)
                VALUES (NOW(), NOW(), ?, ?, ?, ?, ?)""")) {
            int next = 0;
            Timestamp enrolled = Timestamp.valueOf(LocalDateTime.now().minusDays(60));
            int small = cohorts.size() - BIG_PROGRAMME_COHORTS;
            int rest = LEARNERS - BIG_PROGRAMME_COHORTS * BIG_COHORT;
            for (int c = 0; c < cohorts.size(); c++) {
                int size = c < BIG_PROGRAMME_COHORTS ? BIG_COHORT
                        : rest / small + (c - BIG_PROGRAMME_COHORTS < rest % small ? 1 : 0);
                for (int i = 0; i < size && next < learners.size(); i++) {
                    member.setLong(1, cohorts.get(c));
                    member.setLong(2, learners.get(next++));
                    member.setString(3, random.nextInt(20) == 0 ? "WITHDRAWN" : "ENROLLED");
                    member.setTimestamp(4, enrolled);
                    member.setTimestamp(5, enrolled);
                    member.addBatch();
                }
                member.executeBatch();
            }
        }
        try (PreparedStatement event = db.prepareStatement("""
                INSERT INTO membership_event (membership_id, status, changed_at)
                SELECT id, status, status_changed_at FROM cohort_membership WHERE person_id IN (SELECT id FROM person WHERE email LIKE 'bench-%')""")) {
            event.executeUpdate();
        }
        db.commit();
        System.out.println("Memberships: " + count("SELECT COUNT(*) FROM cohort_membership"));
    }

    /**
     * Protected time for every enrolled bench learner: four two-hour blocks in the past weeks (most used, one in
     * five lost to service pressure, one in twenty beyond the entitlement) and one to come.
     */
    private void protectedTime() throws SQLException {
        List<long[]> members = new ArrayList<>();
        try (Statement query = db.createStatement(); var rs = query.executeQuery("""
                SELECT m.person_id, m.cohort_id FROM cohort_membership m JOIN person p ON p.id = m.person_id
                WHERE p.email LIKE 'bench-%' AND m.status = 'ENROLLED'""")) {
            while (rs.next()) {
                members.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        Random random = new Random(20261124L); // its own, so the rest of the data set stays as it was
        String[] purposes = {"MODULE_STUDY", "ACTION_LEARNING", "SHADOWING", "COACHING", "OTHER"};
        LocalDateTime base = LocalDateTime.now(java.time.ZoneOffset.UTC).withHour(9).withMinute(0).withSecond(0).withNano(0);
        try (PreparedStatement block = db.prepareStatement("""
                INSERT INTO booking (version, created_at, modified_at, kind, person_id, cohort_id, starts_at, ends_at, minutes, purpose,
                                     status, over_entitlement, over_reason, closed_reason, booked_by, ical_uid, ical_sequence, person_slot)
                VALUES (0, NOW(), NOW(), 'PROTECTED_TIME', ?, ?, ?, ?, 120, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")) {
            int rows = 0;
            for (long[] member : members) {
                for (int week = -4; week <= 1; week++) {
                    if (week == 0) {
                        continue;
                    }
                    LocalDateTime start = base.plusWeeks(week).plusDays(random.nextInt(5));
                    String status = week > 0 ? "BOOKED" : random.nextInt(5) == 0 ? "LOST" : "USED";
                    boolean over = random.nextInt(20) == 0;
                    block.setLong(1, member[0]);
                    block.setLong(2, member[1]);
                    block.setObject(3, start);
                    block.setObject(4, start.plusHours(2));
                    block.setString(5, purposes[random.nextInt(purposes.length)]);
                    block.setString(6, status);
                    block.setBoolean(7, over);
                    block.setString(8, over ? "Assignment deadline" : null);
                    block.setString(9, "LOST".equals(status) ? "SERVICE_PRESSURE" : null);
                    block.setLong(10, member[0]);
                    block.setString(11, UUID.randomUUID() + "@leadingtogether");
                    block.setObject(12, "BOOKED".equals(status) ? start : null);
                    block.addBatch();
                    rows++;
                }
                if (rows >= 20_000) {
                    block.executeBatch();
                    db.commit();
                    rows = 0;
                }
            }
            block.executeBatch();
        }
        db.commit();
        System.out.println("Protected-time bookings: " + count("SELECT COUNT(*) FROM booking"));
    }

    private void completions(List<Long> learners, List<Long> lessons) throws SQLException {
        int perLearner = COMPLETIONS / learners.size();
        List<Long> shuffled = new ArrayList<>(lessons);
        try (PreparedStatement completion = db.prepareStatement(
                "INSERT INTO lesson_completion (person_id, lesson_id, completed_at) VALUES (?, ?, ?)")) {
            int rows = 0;
            for (long learner : learners) {
                Collections.shuffle(shuffled, random);
                int howMany = Math.min(shuffled.size(), perLearner - 20 + random.nextInt(41));
                for (int i = 0; i < howMany; i++) {
                    completion.setLong(1, learner);
                    completion.setLong(2, shuffled.get(i));
                    completion.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now().minusMinutes(random.nextInt(60 * 24 * 120))));
                    completion.addBatch();
                    rows++;
                }
                if (rows >= 20_000) {
                    completion.executeBatch();
                    db.commit();
                    rows = 0;
                }
            }
            completion.executeBatch();
        }
        db.commit();
        execute("""
                UPDATE person SET last_learning_at = (SELECT MAX(c.completed_at) FROM lesson_completion c WHERE c.person_id = person.id)
                WHERE email LIKE 'bench-%'""");
        db.commit();
        System.out.println("Lesson completions: " + count("SELECT COUNT(*) FROM lesson_completion"));
    }

    private void assessments(List<Long> learners, long framework) throws SQLException {
        List<Long> elements = ids("SELECT e.id FROM framework_element e JOIN framework_dimension d ON d.id = e.dimension_id WHERE d.framework_id = " + framework);
        try (PreparedStatement assessment = db.prepareStatement("""
                     INSERT INTO self_assessment (created_at, modified_at, person_id, framework_id) VALUES (?, ?, ?, ?)""",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement rating = db.prepareStatement("INSERT INTO self_rating (assessment_id, element_id, rating) VALUES (?, ?, ?)")) {
            for (int i = 0; i < ASSESSED; i++) {
                Timestamp when = Timestamp.valueOf(LocalDateTime.now().minusDays(30 + random.nextInt(60)));
                assessment.setTimestamp(1, when);
                assessment.setTimestamp(2, when);
                assessment.setLong(3, learners.get(i * (LEARNERS / ASSESSED)));
                assessment.setLong(4, framework);
                assessment.executeUpdate();
                long id;
                try (ResultSet keys = assessment.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                for (long element : elements) {
                    rating.setLong(1, id);
                    rating.setLong(2, element);
                    rating.setInt(3, 1 + random.nextInt(4));
                    rating.addBatch();
                }
                if (i % 200 == 199) {
                    rating.executeBatch();
                    db.commit();
                }
            }
            rating.executeBatch();
        }
        db.commit();
        System.out.println("Self-assessments: " + count("SELECT COUNT(*) FROM self_assessment"));
    }

    /**
     * 360 feedback for the large programme (Bench programme 00, 5,000 members): a first round closed 200 days ago and a
     * last one closed 5 days ago, in which every member rated themselves and 5 to 9 raters answered (7 on average: a line
     * manager, then peers, direct reports, partners, people who use services and others), one rater in ten "not able to
     * say" to each element, two comments each; the programme's first member has 20 raters in both rounds (the report
     * benchmark's learner). About 70,000 raters and 2.2 million ratings, with the kept sums per learner and dimension.
     * Added on its own if the rest of the data set is already there.
     */
    private void feedbackRounds() throws SQLException {
        if (count("SELECT COUNT(*) FROM feedback_round r JOIN programme p ON p.id = r.programme_id WHERE p.name = 'Bench programme 00'") > 0) {
            System.out.println("360 rounds are already here; nothing to do.");
            return;
        }
        String active = single("SELECT id FROM framework WHERE active = TRUE");
        if (active == null) {
            System.out.println("No active framework: no 360 rounds.");
            return;
        }
        long framework = Long.parseLong(active);
        long programme = count("SELECT id FROM programme WHERE name = 'Bench programme 00'");
        List<String> codes = strings("SELECT e.code FROM framework_element e JOIN framework_dimension d ON d.id = e.dimension_id WHERE d.framework_id = "
                + framework + " ORDER BY d.position, e.position");
        List<String> dimensionOf = strings("SELECT d.code FROM framework_element e JOIN framework_dimension d ON d.id = e.dimension_id WHERE d.framework_id = "
                + framework + " ORDER BY d.position, e.position");
        List<String> dimensions = strings("SELECT code FROM framework_dimension WHERE framework_id = " + framework + " ORDER BY position");
        long[] rounds = {
                insertReturningId("""
                        INSERT INTO feedback_round (created_at, modified_at, programme_id, name, opens_on, closes_on, min_raters)
                        VALUES (NOW(), NOW(), ?, 'Bench start', ?, ?, 5)""", programme, LocalDate.now().minusDays(240), LocalDate.now().minusDays(200)),
                insertReturningId("""
                        INSERT INTO feedback_round (created_at, modified_at, programme_id, name, opens_on, closes_on, min_raters)
                        VALUES (NOW(), NOW(), ?, 'Bench end', ?, ?, 5)""", programme, LocalDate.now().minusDays(30), LocalDate.now().minusDays(5))};
        List<Long> members = ids("SELECT DISTINCT m.person_id FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id WHERE c.programme_id = "
                + programme + " ORDER BY m.person_id");
        String[] groups = {"PEER", "DIRECT_REPORT", "PEER", "PARTNER", "DIRECT_REPORT", "SERVICE_USER", "PEER", "OTHER", "DIRECT_REPORT", "PARTNER"};
        long requestId = count("SELECT COALESCE(MAX(id), 0) FROM feedback_request");
        long raterId = count("SELECT COALESCE(MAX(id), 0) FROM feedback_rater");
        long responseId = count("SELECT COALESCE(MAX(id), 0) FROM feedback_response");
        try (PreparedStatement request = db.prepareStatement("""
                     INSERT INTO feedback_request (id, created_at, modified_at, round_id, learner_id, framework_id, self_rated_at, answers)
                     VALUES (?, NOW(), NOW(), ?, ?, ?, NOW(), ?)""");
             PreparedStatement rater = db.prepareStatement("""
                     INSERT INTO feedback_rater (id, created_at, modified_at, request_id, relationship, email, answered) VALUES (?, NOW(), NOW(), ?, ?, ?, TRUE)""");
             PreparedStatement response = db.prepareStatement("INSERT INTO feedback_response (id, request_id, relationship) VALUES (?, ?, ?)");
             PreparedStatement rating = db.prepareStatement("INSERT INTO feedback_rating (response_id, element_code, rating) VALUES (?, ?, ?)");
             PreparedStatement score = db.prepareStatement("""
                     INSERT INTO feedback_score (request_id, dimension_code, self_total, self_count, others_total, others_count) VALUES (?, ?, ?, ?, ?, ?)""");
             PreparedStatement comment = db.prepareStatement("INSERT INTO feedback_comment (request_id, question, body, sort_key) VALUES (?, ?, ?, ?)")) {
            for (int m = 0; m < members.size(); m++) {
                long learner = members.get(m);
                int level = 2 + random.nextInt(2);
                for (int r = 0; r < 2; r++) {
                    int raters = m == 0 ? 20 : 5 + random.nextInt(5);
                    request.setLong(1, ++requestId);
                    request.setLong(2, rounds[r]);
                    request.setLong(3, learner);
                    request.setLong(4, framework);
                    request.setInt(5, raters);
                    request.addBatch();
                    java.util.Map<String, int[]> sums = new java.util.HashMap<>();
                    for (int k = 0; k <= raters; k++) {
                        String group = k == 0 ? "SELF" : k == 1 ? "LINE_MANAGER" : groups[(k + m) % groups.length];
                        if (k > 0) {
                            rater.setLong(1, ++raterId);
                            rater.setLong(2, requestId);
                            rater.setString(3, group);
                            rater.setString(4, "bench-rater-" + requestId + "-" + k + "@bench.test");
                            rater.addBatch();
                        }
                        response.setLong(1, ++responseId);
                        response.setLong(2, requestId);
                        response.setString(3, group);
                        response.addBatch();
                        for (int e = 0; e < codes.size(); e++) {
                            if (k > 0 && random.nextInt(10) == 0) {
                                continue; // not able to say
                            }
                            int value = Math.max(1, Math.min(4, level + r + random.nextInt(3) - 1 - (k == 0 ? 0 : random.nextInt(2))));
                            rating.setLong(1, responseId);
                            rating.setString(2, codes.get(e));
                            rating.setInt(3, value);
                            rating.addBatch();
                            int[] sum = sums.computeIfAbsent(dimensionOf.get(e), d -> new int[4]);
                            sum[k == 0 ? 0 : 2] += value;
                            sum[k == 0 ? 1 : 3]++;
                        }
                    }
                    for (String dimension : dimensions) {
                        int[] sum = sums.getOrDefault(dimension, new int[4]);
                        score.setLong(1, requestId);
                        score.setString(2, dimension);
                        score.setInt(3, sum[0]);
                        score.setInt(4, sum[1]);
                        score.setInt(5, sum[2]);
                        score.setInt(6, sum[3]);
                        score.addBatch();
                    }
                    for (int q = 1; q <= 2; q++) {
                        comment.setLong(1, requestId);
                        comment.setInt(2, q);
                        comment.setString(3, q == 1 ? "Brings partners together and listens before deciding." : "Could share more of the load with the team.");
                        comment.setInt(4, random.nextInt(Integer.MAX_VALUE));
                        comment.addBatch();
                    }
                }
                if (m % 100 == 99 || m == members.size() - 1) {
                    request.executeBatch();
                    rater.executeBatch();
                    response.executeBatch();
                    rating.executeBatch();
                    score.executeBatch();
                    comment.executeBatch();
                    db.commit();
                }
            }
        }
        db.commit();
        System.out.println("360: " + count("SELECT COUNT(*) FROM feedback_request") + " learners' rounds, " + count("SELECT COUNT(*) FROM feedback_rater")
                + " raters, " + count("SELECT COUNT(*) FROM feedback_rating") + " ratings");
    }

    // ---------------------------------------------------------------- JDBC helpers

    private long insertReturningId(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, values);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, values);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(single(sql));
    }
}

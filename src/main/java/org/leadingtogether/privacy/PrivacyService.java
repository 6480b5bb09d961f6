package org.leadingtogether.privacy;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.feedback.FeedbackFigures;
import org.leadingtogether.feedback.FeedbackPages;
import org.leadingtogether.feedback.FeedbackService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.EntryContent;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.journal.JournalViews.CommentView;
import org.leadingtogether.journal.JournalViews.EntryRecord;
import org.leadingtogether.platform.CachedJson;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.security.Callers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boundary of subject access: everything the portal holds about the caller, as a JSON document.
 *
 * <p>Sections: the profile (never the password hash, only whether a password is set) and roles; enrolments in
 * cohorts with every status change; lesson completions and lesson notes; self-assessments with each rating;
 * coach ratings of the person; coaching pairings as coachee or coach (states and dates, the agreement, sessions
 * with the person's own feedback, shared actions; never the coach's private session notes, and the private reason for
 * ending only to the person who gave it, as the pairing page promises); a coach profile if
 * there is one; the person's journal entries, opened, with the comments on them; and their own 360s (their ratings, whom
 * they invited and in which group, how many in each group answered, and each closed round's report as they read it:
 * never one rater's answers, nor who wrote which comment). Each section is read with
 * SQL against the schema the migrations own, so a feature's internals can change without breaking this export.
 */
@Stateless
public class PrivacyService {

    /** The shape of the document, for whoever reads it later. */
    static final int FORMAT_VERSION = 3;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private JournalService journal;

    @Inject
    private FeedbackService feedback;

    @Inject
    private Clock clock;

    /** Everything about the signed-in person, whatever their roles. */
    @PermitAll
    public JsonObject exportMyData() {
        long me = Callers.personId(session);
        JsonObjectBuilder document = CachedJson.createObjectBuilder()
                .add("format", "Leading Together subject access export")
                .add("formatVersion", FORMAT_VERSION)
                .add("generatedAt", clock.instant().toString())
                .add("about", "Everything the portal holds about you. Dates and times are UTC. Other people appear only by name"
                        + " where they are part of your record (your coach or coachee). A coach's private session notes belong"
                        + " to the coach and are not included. Your 360 feedback holds what you gave and what your report shows you:"
                        + " the people you invited answered anonymously, so nothing here says who answered or who wrote which comment;"
                        + " a report's figures are averages, and a figure left out there (too few people to show it) is empty here.");
        document.add("profile", profile(me));
        document.add("roles", strings("SELECT role FROM person_role WHERE person_id = ? ORDER BY role", me));
        document.add("enrolments", enrolments(me));
        document.add("lessonCompletions", rows("""
                SELECT l.lesson_key, l.title, m.title, c.completed_at FROM lesson_completion c
                JOIN lesson l ON l.id = c.lesson_id JOIN learning_module m ON m.id = l.module_id
                WHERE c.person_id = ? ORDER BY c.completed_at""", me, "lesson", "lessonTitle", "moduleTitle", "completedAt"));
        document.add("lessonNotes", rows("""
                SELECT l.lesson_key, l.title, n.created_at, n.note FROM lesson_note n JOIN lesson l ON l.id = n.lesson_id
                WHERE n.person_id = ? ORDER BY n.created_at""", me, "lesson", "lessonTitle", "writtenAt", "note"));
        document.add("selfAssessments", selfAssessments(me));
        document.add("coachRatingsOfYou", coachAssessments(me));
        document.add("coaching", coaching(me));
        document.add("bookings", rows("""
                SELECT b.kind, b.starts_at, b.ends_at, b.minutes, b.purpose, b.status, b.over_reason, b.closed_reason, c.given_name, c.family_name
                FROM booking b LEFT JOIN person c ON c.id = b.coach_id
                WHERE b.person_id = ? ORDER BY b.starts_at""", me, "kind", "startsAt", "endsAt", "minutes", "purpose", "status",
                "beyondEntitlementBecause", "closedBecause", "coachGivenName", "coachFamilyName"));
        document.add("bookingsWithYouAsCoach", rows("""
                SELECT b.starts_at, b.ends_at, b.minutes, b.status, p.given_name, p.family_name
                FROM booking b JOIN person p ON p.id = b.person_id
                WHERE b.coach_id = ? ORDER BY b.starts_at""", me, "startsAt", "endsAt", "minutes", "status", "coacheeGivenName", "coacheeFamilyName"));
        document.add("journal", journalEntries());
        document.add("feedback360", feedback360());
        return document.build();
    }

    private JsonObject profile(long me) {
        List<Object[]> found = list("""
                SELECT p.id, p.email, p.given_name, p.family_name, p.job_title, pr.name, o.name, o.sector, p.active,
                       p.password_hash, p.must_change_password, p.created_at, p.modified_at, p.team,
                       lm.given_name, lm.family_name
                FROM person p LEFT JOIN profession pr ON pr.id = p.profession_id LEFT JOIN organisation o ON o.id = p.organisation_id
                LEFT JOIN person lm ON lm.id = p.line_manager_id
                WHERE p.id = ?""", me);
        if (found.isEmpty()) {
            throw new NotFoundException("There is no record of you.");
        }
        Object[] p = found.get(0);
        p[9] = p[9] != null; // whether a password is set, never the hash
        return object(new String[] {"id", "email", "givenName", "familyName", "jobTitle", "profession", "organisation",
                "sector", "active", "passwordSet", "mustChangePassword", "createdAt", "modifiedAt", "team"}, p)
                .add("lineManager", p[14] == null ? "" : p[14] + " " + p[15])
                .build();
    }

    private JsonArrayBuilder enrolments(long me) {
        JsonArrayBuilder result = CachedJson.createArrayBuilder();
        for (Object[] m : list("""
                SELECT cm.id, pg.name, c.name, c.start_date, c.end_date, cm.status, cm.enrolled_at, cm.status_changed_at, cm.status_reason
                FROM cohort_membership cm JOIN cohort c ON c.id = cm.cohort_id JOIN programme pg ON pg.id = c.programme_id
                WHERE cm.person_id = ? ORDER BY cm.enrolled_at""", me)) {
            JsonObjectBuilder enrolment = object(new String[] {null, "programme", "cohort", "cohortStarts", "cohortEnds", "status",
                    "enrolledAt", "statusChangedAt", "statusReason"}, m);
            enrolment.add("history", rows("SELECT status, changed_at, reason FROM membership_event WHERE membership_id = ? ORDER BY changed_at, id",
                    m[0], "status", "changedAt", "reason"));
            result.add(enrolment);
        }
        return result;
    }

    private JsonArrayBuilder selfAssessments(long me) {
        JsonArrayBuilder result = CachedJson.createArrayBuilder();
        for (Object[] a : list("""
                SELECT a.id, f.title, f.framework_version, a.created_at, a.strengths, a.to_develop
                FROM self_assessment a JOIN framework f ON f.id = a.framework_id WHERE a.person_id = ? ORDER BY a.created_at, a.id""", me)) {
            result.add(object(new String[] {null, "framework", "frameworkVersion", "assessedAt", "strengths", "toDevelop"}, a)
                    .add("ratings", rows("""
                            SELECT e.code, e.name, r.rating FROM self_rating r JOIN framework_element e ON e.id = r.element_id
                            WHERE r.assessment_id = ? ORDER BY e.code""", a[0], "element", "elementName", "rating")));
        }
        return result;
    }

    private JsonArrayBuilder coachAssessments(long me) {
        JsonArrayBuilder result = CachedJson.createArrayBuilder();
        for (Object[] a : list("""
                SELECT a.id, c.given_name, c.family_name, f.title, a.created_at FROM coach_assessment a
                JOIN person c ON c.id = a.coach_id JOIN framework f ON f.id = a.framework_id
                WHERE a.coachee_id = ? ORDER BY a.created_at, a.id""", me)) {
            result.add(CachedJson.createObjectBuilder().add("coach", a[1] + " " + a[2]).add("framework", String.valueOf(a[3]))
                    .add("ratedAt", Values.text(a[4]))
                    .add("ratings", rows("""
                            SELECT e.code, e.name, r.rating FROM coach_rating r JOIN framework_element e ON e.id = r.element_id
                            WHERE r.assessment_id = ? ORDER BY e.code""", a[0], "element", "elementName", "rating")));
        }
        return result;
    }

    private JsonObjectBuilder coaching(long me) {
        JsonArrayBuilder pairings = CachedJson.createArrayBuilder();
        for (Object[] p : list("""
                SELECT p.id, CASE WHEN p.coachee_id = ? THEN 'coachee' ELSE 'coach' END,
                       c.given_name, c.family_name, e.given_name, e.family_name, p.state,
                       p.proposed_at, p.respond_by, p.accepted_at, p.active_at, p.ended_at,
                       CASE WHEN p.ended_by = ? THEN p.end_reason END
                FROM coaching_pairing p JOIN person c ON c.id = p.coach_id JOIN person e ON e.id = p.coachee_id
                WHERE p.coachee_id = ? OR p.coach_id = ? ORDER BY p.proposed_at, p.id""", me, me, me, me)) {
            boolean coachee = "coachee".equals(p[1]);
            JsonObjectBuilder pairing = CachedJson.createObjectBuilder()
                    .add("yourRole", String.valueOf(p[1]))
                    .add(coachee ? "coach" : "coachee", coachee ? p[2] + " " + p[3] : p[4] + " " + p[5])
                    .add("state", String.valueOf(p[6]))
                    .add("proposedAt", Values.text(p[7])).add("respondBy", Values.text(p[8])).add("acceptedAt", Values.text(p[9]))
                    .add("activeAt", Values.text(p[10])).add("endedAt", Values.text(p[11])).add("yourReasonForEnding", Values.text(p[12]));
            List<Object[]> agreement = list("""
                    SELECT goals, sessions, session_minutes, frequency, venue, confidentiality, coach_agreed_at, coachee_agreed_at
                    FROM coaching_agreement WHERE pairing_id = ?""", p[0]);
            if (!agreement.isEmpty()) {
                pairing.add("agreement", object(new String[] {"goals", "sessions", "sessionMinutes", "frequency", "venue",
                        "confidentiality", "coachAgreedAt", "coacheeAgreedAt"}, agreement.get(0)));
            }
            // The coach's private notes (coaching_session.coach_notes) are deliberately not selected.
            pairing.add("sessions", rows("""
                    SELECT starts_at, minutes, chemistry, status, feedback_rating, feedback_comment, feedback_at
                    FROM coaching_session WHERE pairing_id = ? ORDER BY starts_at""", p[0],
                    "startsAt", "minutes", "chemistry", "status", "coacheeFeedbackRating", "coacheeFeedbackComment", "feedbackAt"));
            pairing.add("actions", rows("SELECT action_text, done, created_at FROM coaching_action WHERE pairing_id = ? ORDER BY created_at, id",
                    p[0], "action", "done", "createdAt"));
            pairings.add(pairing);
        }
        JsonObjectBuilder coaching = CachedJson.createObjectBuilder().add("pairings", pairings);
        coaching.add("wishesForACoach", strings("SELECT name FROM coachee_wish WHERE person_id = ? ORDER BY name", me));
        List<Object[]> profile = list("SELECT biography, capacity, takes_own_organisation, available FROM coach_profile WHERE person_id = ?", me);
        if (!profile.isEmpty()) {
            coaching.add("coachProfile", object(new String[] {"biography", "capacity", "takesOwnOrganisation", "available"}, profile.get(0))
                    .add("accreditations", strings("SELECT name FROM coach_accreditation WHERE coach_id = ? ORDER BY name", me))
                    .add("specialisms", strings("SELECT name FROM coach_specialism WHERE coach_id = ? ORDER BY name", me)));
        }
        return coaching;
    }

    private JsonArrayBuilder journalEntries() {
        JsonArrayBuilder entries = CachedJson.createArrayBuilder();
        for (EntryRecord entry : journal.findAllMine()) {
            EntryContent c = entry.content();
            JsonObjectBuilder stages = CachedJson.createObjectBuilder();
            for (int i = 0; i < c.model().getStages().size(); i++) {
                stages.add(c.model().getStages().get(i).label(), c.stage(i));
            }
            JsonArrayBuilder comments = CachedJson.createArrayBuilder();
            for (CommentView comment : entry.comments()) {
                comments.add(CachedJson.createObjectBuilder().add("by", comment.author()).add("byYou", comment.byAuthor())
                        .add("writtenAt", Values.text(comment.written())).add("text", comment.text()));
            }
            JsonObjectBuilder item = CachedJson.createObjectBuilder()
                    .add("status", entry.status().name())
                    .add("createdAt", Values.text(entry.created())).add("modifiedAt", Values.text(entry.modified()))
                    .add("savedAt", Values.text(entry.savedAt()))
                    .add("title", Values.text(c.title())).add("eventDate", Values.text(c.eventDate()))
                    .add("kind", c.kind() == null ? "" : c.kind().getLabel()).add("model", c.model().getLabel())
                    .add("stages", stages).add("whatILearned", Values.text(c.learned()))
                    .add("whatIWillDoDifferently", Values.text(c.change()))
                    .add("frameworkElements", CachedJson.createArrayBuilder(c.elementCodes().stream().sorted().toList()))
                    .add("nmcCodeThemes", CachedJson.createArrayBuilder(c.themeList().stream().map(t -> t.getLabel()).toList()))
                    .add("cpdHours", c.cpdHours() == null ? "" : c.cpdHours().stripTrailingZeros().toPlainString())
                    .add("participatory", c.participatory())
                    .add("lesson", Values.text(c.lessonKey()))
                    .add("sharedWith", entry.sharing() == null ? "" : entry.sharing().coachName())
                    .add("sharingInForce", entry.sharing() != null && entry.sharing().inForce())
                    .add("comments", comments);
            entries.add(item);
        }
        return entries;
    }

    /**
     * The caller's 360s, through the feedback feature's own service, so the report's figures are exactly those their
     * report page shows (the same anonymity rules: small groups only within all others, a figure left out as ""). Raters
     * appear only as the learner typed them in; their answers are in the figures only.
     */
    private JsonArrayBuilder feedback360() {
        JsonArrayBuilder result = CachedJson.createArrayBuilder();
        for (FeedbackPages.Mine mine : feedback.findAllMine()) {
            FeedbackPages.Request q = mine.request();
            JsonArrayBuilder ratings = CachedJson.createArrayBuilder();
            for (FrameworkView.ElementView element : q.framework().allElements()) {
                Integer rating = q.selfRatings().get(element.code());
                if (rating != null) {
                    ratings.add(CachedJson.createObjectBuilder().add("element", element.code()).add("elementName", element.name())
                            .add("rating", rating));
                }
            }
            JsonArrayBuilder invited = CachedJson.createArrayBuilder();
            q.invited().forEach(i -> invited.add(CachedJson.createObjectBuilder().add("email", i.email()).add("group", i.group())));
            JsonArrayBuilder groups = CachedJson.createArrayBuilder();
            q.groups().stream().filter(g -> g.invited() > 0).forEach(g -> groups.add(CachedJson.createObjectBuilder()
                    .add("group", g.group()).add("invited", g.invited()).add("answered", g.answered())));
            JsonObjectBuilder round = CachedJson.createObjectBuilder()
                    .add("programme", q.programmeName()).add("round", q.roundName())
                    .add("opensOn", Values.text(q.opensOn())).add("closesOn", Values.text(q.closesOn()))
                    .add("ratersAskedFor", q.minRaters()).add("startedAt", Values.text(mine.startedAt()))
                    .add("framework", q.framework().title())
                    .add("selfRatedAt", Values.text(q.selfRatedAt())).add("yourRatings", ratings)
                    .add("invited", invited).add("answeredPerGroup", groups).add("answered", q.answers())
                    .add("lastReminderAt", Values.text(q.remindedAt()));
            if (mine.report() != null) {
                round.add("report", report(mine.report()));
            }
            result.add(round);
        }
        return result;
    }

    private static JsonObjectBuilder report(FeedbackPages.Report report) {
        FeedbackFigures.Report f = report.figures();
        JsonArrayBuilder columns = CachedJson.createArrayBuilder();
        f.columns().forEach(c -> columns.add(CachedJson.createObjectBuilder().add("column", c.label()).add("answered", c.answers())));
        JsonArrayBuilder sections = CachedJson.createArrayBuilder();
        for (FeedbackFigures.Section section : f.sections()) {
            JsonArrayBuilder elements = CachedJson.createArrayBuilder();
            section.elements().forEach(e -> elements.add(figures(e, f)));
            sections.add(figures(section.dimension(), f).add("elements", elements));
        }
        JsonObjectBuilder result = CachedJson.createObjectBuilder()
                .add("answered", f.answers()).add("columns", columns)
                .add("countedOnlyWithinAllOthers", f.foldedText())
                .add("ratings", sections)
                .add("othersSeeMoreThanYouDo", gaps(f.othersSeeMore()))
                .add("youSeeMoreThanOthersDo", gaps(f.youSeeMore()));
        if (report.previous() != null) {
            JsonArrayBuilder lines = CachedJson.createArrayBuilder();
            for (FeedbackPages.PreviousLine line : report.previous().dimensions()) {
                JsonObjectBuilder l = CachedJson.createObjectBuilder().add("name", line.name());
                figure(l, "youThen", line.selfBefore());
                figure(l, "youNow", line.selfNow());
                figure(l, "allOthersThen", line.othersBefore());
                figure(l, "allOthersNow", line.othersNow());
                lines.add(l);
            }
            result.add("besideThePreviousRound", CachedJson.createObjectBuilder().add("round", report.previous().roundName()).add("dimensions", lines));
        }
        result.add("commentsWhatToKeepDoing", CachedJson.createArrayBuilder(report.keepDoing()))
                .add("commentsWhatToDoDifferently", CachedJson.createArrayBuilder(report.doDifferently()));
        JsonArrayBuilder debriefs = CachedJson.createArrayBuilder();
        report.debriefs().forEach(d -> debriefs.add(CachedJson.createObjectBuilder().add("coach", d.coachName())
                .add("writtenAt", Values.text(d.written())).add("note", d.body())));
        return result.add("debriefNotes", debriefs).add("sharedWithCoach", Values.text(report.sharedWith()));
    }

    /** A row of the report: its name and a figure per column, by the column's label. */
    private static JsonObjectBuilder figures(FeedbackFigures.Row row, FeedbackFigures.Report report) {
        JsonObjectBuilder cells = CachedJson.createObjectBuilder();
        for (int i = 0; i < report.columns().size(); i++) {
            figure(cells, report.columns().get(i).label(), row.cells().get(i));
        }
        return CachedJson.createObjectBuilder().add("code", row.code()).add("name", row.name()).add("figures", cells);
    }

    private static void figure(JsonObjectBuilder object, String name, FeedbackFigures.Cell cell) {
        if (cell.isShown()) {
            object.add(name, new java.math.BigDecimal(cell.text())); // as the page shows it, to one decimal place
        } else {
            object.add(name, "");
        }
    }

    private static JsonArrayBuilder gaps(List<FeedbackFigures.Gap> gaps) {
        JsonArrayBuilder result = CachedJson.createArrayBuilder();
        gaps.forEach(g -> result.add(CachedJson.createObjectBuilder().add("element", g.code()).add("name", g.name())
                .add("difference", new java.math.BigDecimal(g.text()))));
        return result;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private List<Object[]> list(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] array ? array : new Object[] {row});
        }
        return rows;
    }

    private JsonArrayBuilder rows(String sql, Object parameter, String... names) {
        JsonArrayBuilder result = CachedJson.createArrayBuilder();
        list(sql, parameter).forEach(row -> result.add(object(names, row)));
        return result;
    }

    private JsonArrayBuilder strings(String sql, Object parameter) {
        JsonArrayBuilder result = CachedJson.createArrayBuilder();
        list(sql, parameter).forEach(row -> result.add(String.valueOf(row[0])));
        return result;
    }

    /** An object of the named columns of a row; a null name leaves that column out. */
    private static JsonObjectBuilder object(String[] names, Object[] row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.length && i < row.length; i++) {
            if (names[i] != null) {
                values.put(names[i], row[i]);
            }
        }
        JsonObjectBuilder object = CachedJson.createObjectBuilder();
        values.forEach((name, value) -> Values.add(object, name, value));
        return object;
    }
}

package org.leadingtogether.progress;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.framework.Framework;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.learning.LearningService;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.security.Callers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The boundary of the progress feature: a learner's self-assessments against the active framework and
 * the overview of where they stand. Assessments are only ever added; history is kept whole.
 */
@Stateless
public class ProgressService {

    /** How many earlier assessments the overview shows. */
    static final int HISTORY = 12;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private LearningService learning;

    @Inject
    private JournalService journal;

    /**
     * Where the caller stands against the active framework. Assessments made against the edition it replaces are
     * carried across through its crosswalk ({@link Crosswalk}) and marked so, so that a learner who rated
     * themselves against the 2012 edition still sees where they stand when the 2026 edition becomes active.
     */
    @RolesAllowed("LEARNER")
    public ProgressOverview getOverview() {
        long me = Callers.personId(session);
        FrameworkView framework = activeFramework();
        List<SelfAssessment> assessments = em.createQuery("""
                        SELECT a FROM SelfAssessment a JOIN a.framework f WHERE a.personId = :p
                        AND (f.id = :f OR (f.code = :earlierCode AND f.frameworkVersion = :earlierVersion))
                        ORDER BY a.createdAt DESC, a.id DESC""", SelfAssessment.class)
                .setParameter("p", me).setParameter("f", framework.id())
                .setParameter("earlierCode", framework.replacesCode() == null ? "" : framework.replacesCode())
                .setParameter("earlierVersion", framework.replacesVersion() == null ? "" : framework.replacesVersion())
                // All the assessments' ratings come in one more query (batch reading is declared on the
                // mapping, SelfAssessment.ratings), not one an assessment. The last HISTORY are kept here rather
                // than by a row limit in the query: a limit, like a hint, makes the persistence provider prepare
                // the query afresh on every call (this is the learner's home page), and a person makes a few
                // self-assessments a year.
                .getResultList();
        List<ProgressOverview.Assessment> history = assessments.stream()
                .limit(HISTORY)
                .map(a -> assessment(a, framework))
                .toList();
        return new ProgressOverview(framework, history.isEmpty() ? null : history.get(0), history, learning.progressOf(me),
                journal.findMyEvidence());
    }

    /** Keeps a new, dated self-assessment against the active framework; earlier ones are untouched. */
    @RolesAllowed("LEARNER")
    public long saveSelfAssessment(Map<Long, Integer> ratings, String strengths, String toDevelop) {
        long me = Callers.personId(session);
        FrameworkView framework = activeFramework();
        Map<Long, Integer> kept = AssessmentRules.check(framework, ratings, strengths, toDevelop);
        SelfAssessment assessment = new SelfAssessment(me, em.getReference(Framework.class, framework.id()), kept,
                blankToNull(strengths), blankToNull(toDevelop));
        em.persist(assessment);
        em.flush();
        return assessment.getId();
    }

    private FrameworkView activeFramework() {
        return frameworks.findActive()
                .orElseThrow(() -> new BusinessException("No leadership framework has been loaded yet. Ask your administrator."));
    }

    private ProgressOverview.Assessment assessment(SelfAssessment a, FrameworkView framework) {
        long madeAgainst = a.getFrameworkId();
        boolean carried = madeAgainst != framework.id();
        FrameworkView edition = carried ? frameworks.getFramework(madeAgainst) : framework;
        Map<Long, Integer> ratings = carried ? Crosswalk.carry(a.getRatings(), edition, framework)
                : AssessmentRules.copy(a.getRatings());
        Map<String, Double> averages = new HashMap<>();
        framework.dimensions().forEach(d -> averages.put(d.code(), AssessmentRules.dimensionAverage(d, ratings)));
        return new ProgressOverview.Assessment(a.getId(), a.getCreatedAt(), ratings, averages,
                a.getStrengths(), a.getToDevelop(), "the " + edition.version() + " edition", carried);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

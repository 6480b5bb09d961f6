package org.leadingtogether.progress;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.leadingtogether.framework.Framework;
import org.leadingtogether.platform.BaseEntity;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A learner's rating of themselves against a framework version, on one day, with notes on strengths and
 * what to develop. Immutable once saved: a new assessment is a new record.
 */
@Entity
@Table(name = "self_assessment")
public class SelfAssessment extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int NOTES_MAX = 4_000;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "framework_id", updatable = false)
    private Framework framework;

    /**
     * The same column read as a number, so that knowing which edition an assessment was made against does not load
     * the framework itself (three statements on the learner's home for what is already in the reference cache).
     */
    @Column(name = "framework_id", insertable = false, updatable = false)
    private Long frameworkId;

    @Column(updatable = false)
    private String strengths;

    @Column(name = "to_develop", updatable = false)
    private String toDevelop;

    /**
     * Element id to rating on the framework's scale. Whenever several assessments are read, all their ratings come in
     * one more statement ({@code IN} the assessments read), not one an assessment. Declared here rather than as hints on
     * each query: hints that change a query make the persistence provider prepare it afresh at every call, which took
     * 3.0 % of the learner home's CPU in a profile, 0.4 % once declared here (src/load/MEASUREMENTS.md, the
     * twenty-sixth machine).
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "self_rating", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "element_id")
    @Column(name = "rating", nullable = false)
    private Map<Long, Integer> ratings = new HashMap<>();

    protected SelfAssessment() {
    }

    public SelfAssessment(long personId, Framework framework, Map<Long, Integer> ratings, String strengths, String toDevelop) {
        this.personId = personId;
        this.framework = framework;
        this.ratings.putAll(ratings);
        this.strengths = strengths;
        this.toDevelop = toDevelop;
    }

    public long getPersonId() {
        return personId;
    }

    public Framework getFramework() {
        return framework;
    }

    /** The id of the framework edition this assessment was made against, without loading the framework. */
    public long getFrameworkId() {
        return frameworkId != null ? frameworkId : framework.getId();
    }

    public String getStrengths() {
        return strengths;
    }

    public String getToDevelop() {
        return toDevelop;
    }

    public Map<Long, Integer> getRatings() {
        return Collections.unmodifiableMap(ratings);
    }
}

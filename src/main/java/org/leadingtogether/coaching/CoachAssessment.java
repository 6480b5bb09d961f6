package org.leadingtogether.coaching;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.leadingtogether.platform.BaseEntity;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A coach's rating of a coachee against a framework version, on one day. Kept beside the coachee's own
 * self-assessments and never mixed with them: each side's view stays its own, and where they differ is
 * what is worth talking about. Immutable once saved: a new rating is a new record.
 */
@Entity
@Table(name = "coach_assessment")
public class CoachAssessment extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "coach_id", nullable = false, updatable = false)
    private long coachId;

    @Column(name = "coachee_id", nullable = false, updatable = false)
    private long coacheeId;

    @Column(name = "framework_id", nullable = false, updatable = false)
    private long frameworkId;

    /** Element id to rating on the framework's scale. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "coach_rating", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "element_id")
    @Column(name = "rating", nullable = false)
    private Map<Long, Integer> ratings = new HashMap<>();

    protected CoachAssessment() {
    }

    public CoachAssessment(long coachId, long coacheeId, long frameworkId, Map<Long, Integer> ratings) {
        this.coachId = coachId;
        this.coacheeId = coacheeId;
        this.frameworkId = frameworkId;
        this.ratings.putAll(ratings);
    }

    public long getCoachId() {
        return coachId;
    }

    public long getCoacheeId() {
        return coacheeId;
    }

    public long getFrameworkId() {
        return frameworkId;
    }

    public Map<Long, Integer> getRatings() {
        return Collections.unmodifiableMap(ratings);
    }
}

package org.leadingtogether.feedback;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * One set of answers to a 360: the learner's own ({@link Relationship#SELF}), or a rater's, with their group and
 * nothing else: no invitation, no address, no time. Ratings are by element code; "not able to say" is no rating.
 */
@Entity
@Table(name = "feedback_response")
public class FeedbackResponse implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Relationship relationship;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "feedback_rating", joinColumns = @JoinColumn(name = "response_id"))
    @MapKeyColumn(name = "element_code", length = 40)
    @Column(name = "rating", nullable = false)
    private Map<String, Integer> ratings = new HashMap<>();

    protected FeedbackResponse() {
    }

    FeedbackResponse(long requestId, Relationship relationship, Map<String, Integer> ratings) {
        this.requestId = requestId;
        this.relationship = relationship;
        this.ratings.putAll(ratings);
    }

    void replaceRatings(Map<String, Integer> chosen) {
        ratings.clear();
        ratings.putAll(chosen);
    }

    public Long getId() {
        return id;
    }

    public long getRequestId() {
        return requestId;
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public Map<String, Integer> getRatings() {
        return ratings;
    }
}

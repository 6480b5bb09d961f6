package org.leadingtogether.account;

/**
 * What a person may do in the portal. A person may hold several. Each role has its own area of pages,
 * named by {@link #area()}, guarded in web.xml and again in the services.
 */
public enum Role {
    LEARNER("learner", "Learner"),
    COACH("coach", "Coach"),
    PROGRAMME_MANAGER("manager", "Programme manager"),
    ADMIN("admin", "Administrator");

    /** Role names as strings, for {@code @RolesAllowed} and {@code isCallerInRole}. */
    public static final String LEARNER_NAME = "LEARNER";
    public static final String COACH_NAME = "COACH";
    public static final String PROGRAMME_MANAGER_NAME = "PROGRAMME_MANAGER";
    public static final String ADMIN_NAME = "ADMIN";

    private final String area;
    private final String label;

    Role(String area, String label) {
        this.area = area;
        this.label = label;
    }

    /** The URL prefix of this role's pages, e.g. {@code learner} for {@code /learner/home.xhtml}. */
    public String area() {
        return area;
    }

    public String getLabel() {
        return label;
    }

    /** The home page of this role, relative to the context root. */
    public String homePage() {
        return "/" + area + "/home.xhtml";
    }
}

package org.leadingtogether.cohort;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns the portal reads, with the headings spreadsheets commonly give them. */
enum EnrolmentColumn {
    EMAIL("email", true, "email", "emailaddress"),
    GIVEN_NAME("given name", true, "givenname", "firstname", "forename"),
    FAMILY_NAME("family name", true, "familyname", "surname", "lastname"),
    PROFESSION("profession", true, "profession"),
    ORGANISATION("organisation", true, "organisation", "organization", "employer"),
    JOB_TITLE("job title", false, "jobtitle", "role");

    final String label;
    final boolean required;
    private final List<String> keys;

    EnrolmentColumn(String label, boolean required, String... keys) {
        this.label = label;
        this.required = required;
        this.keys = List.of(keys);
    }

    static Optional<EnrolmentColumn> forHeading(String heading) {
        String key = headingKey(heading);
        for (EnrolmentColumn column : values()) {
            if (column.keys.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static String describeAll() {
        return Arrays.stream(values())
                .map(c -> c.required ? c.label : c.label + " (optional)")
                .collect(Collectors.joining(", "));
    }

    /** Headings are compared without case, spaces, underscores or hyphens: "E-mail address" is "emailaddress". */
    static String headingKey(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }
}

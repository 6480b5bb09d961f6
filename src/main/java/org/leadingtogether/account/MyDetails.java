package org.leadingtogether.account;

import java.io.Serializable;

/**
 * A person's own details as the portal holds them, shown to them on their account page: the same details their
 * subject access download gives, so nothing about them is held out of their sight. Empty parts are null.
 */
public record MyDetails(String fullName, String email, String jobTitle, String profession, String organisation, String team,
                        String lineManager) implements Serializable {
}

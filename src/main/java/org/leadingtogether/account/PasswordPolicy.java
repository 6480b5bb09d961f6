package org.leadingtogether.account;

import org.leadingtogether.platform.BusinessException;

/**
 * What makes a password acceptable. Length matters most (NCSC guidance favours long passphrases over
 * composition rules), so the rule is simple: at least {@link #MIN_LENGTH} characters, at most
 * {@link #MAX_LENGTH}, and not the email address itself.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /**
     * @param field the form field the message belongs to
     * @throws BusinessException naming what is wrong, at {@code field}
     */
    public static void check(String field, String password, String email) {
        if (password == null || password.isBlank()) {
            throw new BusinessException(field, "Enter a password.");
        }
        if (password.length() < MIN_LENGTH) {
            throw new BusinessException(field, "Use at least " + MIN_LENGTH + " characters. A few words together make a good password.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new BusinessException(field, "Use " + MAX_LENGTH + " characters or fewer.");
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            throw new BusinessException(field, "Do not use your email address as your password.");
        }
    }
}

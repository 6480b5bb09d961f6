package org.leadingtogether.cohort.view;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * An enrolment file sent ahead of the form by the upload-progress script, waiting in the manager's session
 * for the "Check the file" request that names it by its token. One per session at most: a newer upload
 * replaces an older one, so an abandoned upload holds at most one file's worth of memory until sign-out.
 */
record PendingUpload(String token, String fileName, byte[] content) implements Serializable {

    private static final String ATTRIBUTE = PendingUpload.class.getName();

    /** Keeps a file in the session and returns the token that claims it. */
    static String keep(HttpSession session, String fileName, byte[] content) {
        PendingUpload upload = new PendingUpload(UUID.randomUUID().toString(), fileName, content);
        session.setAttribute(ATTRIBUTE, upload);
        return upload.token();
    }

    /** The file kept under this token, removed from the session; empty if there is none (or another token). */
    static Optional<PendingUpload> take(HttpSession session, String token) {
        if (session == null || token == null || token.isBlank()
                || !(session.getAttribute(ATTRIBUTE) instanceof PendingUpload upload) || !upload.token().equals(token)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return Optional.of(upload);
    }
}

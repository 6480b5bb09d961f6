package org.leadingtogether.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Sends the outbox's emails once the transaction that wrote them has committed, never for one rolled back. */
@ApplicationScoped
public class NoticeDispatch {

    @Inject
    private NoticeSender sender;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticesQueued queued) {
        sender.sendPendingSoon();
    }
}

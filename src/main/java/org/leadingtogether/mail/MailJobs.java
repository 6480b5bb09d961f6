package org.leadingtogether.mail;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.leadingtogether.platform.MinuteJob;

/**
 * Every minute: send any email still waiting in the outbox, whichever feature wrote it: one the mail server refused
 * (tried again after its pause), or one whose instance stopped before sending it. Most emails never wait for this:
 * {@link NoticeDispatch} sends each as soon as the change that wrote it has committed.
 *
 * <p>The outbox's own timer, so that the mail feature keeps its emails going by itself; it used to ride on the
 * booking feature's timer, where it began. Not persistent: each instance of a cluster runs its own, and
 * {@link NoticeOutbox} claims each email before sending it, so each goes once. A run still going when the next is
 * due (a mail server slow to answer) is left to finish rather than joined by a second.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailJobs {

    private final MinuteJob job = new MinuteJob(MailJobs.class, "Sending the outbox's waiting emails");

    @Inject
    private NoticeSender sender;

    @Schedule(hour = "*", minute = "*", persistent = false, info = "emails waiting in the outbox")
    void everyMinute() {
        job.run(() -> sender.sendPending());
    }
}

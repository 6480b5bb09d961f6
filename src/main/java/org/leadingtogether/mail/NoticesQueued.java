package org.leadingtogether.mail;

/** Fired when a transaction has written emails into the outbox: once it commits, they are sent. */
public record NoticesQueued() {
}

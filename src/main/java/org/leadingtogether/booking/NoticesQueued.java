package org.leadingtogether.booking;

/** Fired when a transaction has written booking emails: once it commits, they are sent. */
public record NoticesQueued() {
}

-- The outbox of emails keeps trying for a day, with growing pauses (see NoticeOutbox), instead of giving up after
-- five tries two minutes apart. An email it gives up on is marked, never dropped, and an administrator sees it
-- (Administration -> Emails) and can send it again.
ALTER TABLE booking_notice ADD COLUMN failed_at DATETIME(6);

CREATE INDEX ix_notice_failed ON booking_notice (failed_at, sent_at);

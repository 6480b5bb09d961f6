-- 360 reminders sent by the portal itself (org.leadingtogether.feedback.FeedbackReminders): each rater who has not answered
-- gets one, three days before the round closes. auto_reminded_at is its claim, set by one conditional update, so it is
-- written once however many instances run the timer. portal_url is the portal's address as the learner used it when
-- inviting, for the reminder's link when PORTAL_URL is not set (a timer has no request to take it from).
ALTER TABLE feedback_rater ADD COLUMN auto_reminded_at DATETIME(6) NULL;
ALTER TABLE feedback_request ADD COLUMN portal_url VARCHAR(255) NULL;
CREATE INDEX ix_fround_closes ON feedback_round (closes_on);

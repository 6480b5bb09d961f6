package org.leadingtogether.notification;

import org.leadingtogether.platform.web.Dates;

import java.util.List;
import java.util.Map;

/**
 * The words of notification emails: what happened (never what was written), a link to the page (which asks the
 * reader to sign in), and a one-click link to change how they hear about that kind. Plain text, plain British English.
 */
final class NotificationEmails {

    private NotificationEmails() {
    }

    record Email(String subject, String body) {
    }

    static Email atOnce(NotificationKind kind, String aboutName, String pageLink, String choiceLink) {
        String title = kind.title(aboutName);
        return new Email(title, title + ".\n\n"
                + "Open it in Leading Together (you will be asked to sign in if you are not):\n" + pageLink + "\n\n"
                + "You get this email at once because of your choice for \"" + kind.getChoiceLabel() + "\". "
                + "To change it (no need to sign in):\n" + choiceLink + "\n\n– Leading Together\n");
    }

    /** One line of a digest: when, what, and its page. */
    record Line(java.time.Instant at, String title, String pageLink) {
    }

    static Email digest(List<Line> lines, Map<NotificationKind, String> choiceLinks) {
        Dates dates = new Dates();
        StringBuilder body = new StringBuilder("This week in Leading Together:\n\n");
        for (Line line : lines) {
            body.append("- ").append(dates.dateTime(line.at())).append(": ").append(line.title()).append("\n  ").append(line.pageLink()).append("\n");
        }
        body.append("\nEach link asks you to sign in if you are not.\n\n");
        body.append("You get this weekly email because of your choices. To change one (no need to sign in):\n");
        choiceLinks.forEach((kind, link) -> body.append("- ").append(kind.getChoiceLabel()).append(":\n  ").append(link).append("\n"));
        body.append("\n– Leading Together\n");
        return new Email("Your week in Leading Together: " + lines.size() + (lines.size() == 1 ? " thing" : " things") + " for you", body.toString());
    }
}

package org.leadingtogether.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the addresses a learner types to invite raters, one a line, and says what is wrong with each line at fault:
 * an address that is not one, the same address twice, someone already invited this round, the learner's own
 * address, a second line manager, or more raters than a round allows. Either every line is good and every address is
 * invited, or nothing is: the learner corrects the lines named and sends the list again.
 */
public final class RaterList {

    /** The most raters one learner may invite in one round. */
    public static final int MAX_RATERS = 30;
    /** The longest email address (RFC 5321's path limit less the brackets). */
    public static final int ADDRESS_MAX = 254;

    /**
     * Deliberately plain: a local part, an at sign, and a domain of at least two labels, without spaces or brackets.
     * What matters is to catch typing slips ("jo@trust", "jo.nhs.net"); a mail server judges the rest.
     */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private RaterList() {
    }

    /** A line at fault: its number (from 1, counting blank lines) and what is wrong, in words. */
    public record Problem(int line, String message) {

        @Override
        public String toString() {
            return "Line " + line + ": " + message;
        }
    }

    /**
     * @param addresses the good addresses, lower-cased, in the order typed (empty when there are problems)
     * @param problems  one per line at fault, and one for the list as a whole (line 0) when it is too long or empty
     */
    public record Result(List<String> addresses, List<Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param text          what the learner typed, one address a line (blank lines are skipped)
     * @param group         the group these raters are invited in
     * @param alreadyInvited addresses already invited this round (lower case), with their group
     * @param ownAddress    the learner's own address
     */
    public static Result read(String text, Relationship group, Map<String, Relationship> alreadyInvited, String ownAddress) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        String own = ownAddress == null ? "" : ownAddress.strip().toLowerCase(Locale.ROOT);
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String address = lines[i].strip();
            if (address.isEmpty()) {
                continue;
            }
            Optional<String> wrong = checkAddress(address);
            if (wrong.isPresent()) {
                problems.add(new Problem(number, wrong.get()));
                continue;
            }
            String key = address.toLowerCase(Locale.ROOT);
            if (key.equals(own)) {
                problems.add(new Problem(number, key + " is your own address: you rate yourself in the first part of this page."));
            } else if (seen.containsKey(key)) {
                problems.add(new Problem(number, key + " is already on line " + seen.get(key) + "."));
            } else if (alreadyInvited.containsKey(key)) {
                problems.add(new Problem(number, key + " is already invited in this round (" + alreadyInvited.get(key).getLabel().toLowerCase(Locale.ROOT) + ")."));
            } else {
                seen.put(key, number);
            }
        }
        if (seen.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "Enter at least one email address, one a line."));
        }
        if (group == Relationship.LINE_MANAGER) {
            long managers = alreadyInvited.values().stream().filter(Relationship::isLineManager).count();
            if (managers + seen.size() > 1) {
                problems.add(new Problem(0, "Invite one line manager a round" + (managers > 0 ? ": yours is already invited." : ": enter one address.")));
            }
        }
        int total = alreadyInvited.size() + seen.size();
        if (total > MAX_RATERS) {
            int left = Math.max(0, MAX_RATERS - alreadyInvited.size());
            problems.add(new Problem(0, "A round has at most " + MAX_RATERS + " raters: you have invited " + alreadyInvited.size()
                    + ", so you can add " + left + " more" + (left == 0 ? "" : ", not " + seen.size()) + "."));
        }
        return new Result(problems.isEmpty() ? List.copyOf(seen.keySet()) : List.of(), problems);
    }

    /** What is wrong with one address, if anything. */
    static Optional<String> checkAddress(String address) {
        if (address.length() > ADDRESS_MAX) {
            return Optional.of("an email address has at most " + ADDRESS_MAX + " characters.");
        }
        if (address.contains(",") || address.contains(";") || address.contains(" ")) {
            return Optional.of("'" + shorten(address) + "' holds more than one thing: put one email address on each line.");
        }
        if (!ADDRESS.matcher(address).matches()) {
            return Optional.of("'" + shorten(address) + "' is not an email address (such as jo.smith@nhs.net).");
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}

package org.leadingtogether.cohort;

import jakarta.persistence.EntityManager;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.NewLearner;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.directory.Organisation;
import org.leadingtogether.directory.Profession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an enrolment file into a preview: the file is checked line by line ({@link EnrolmentCsv}), then
 * each good line is matched to an account by email and to the cohort's members, and a line whose account is
 * deactivated or whose person is in another cohort of the programme is a problem at that line. Used both to show the
 * preview and, inside the import's transaction, to check everything again before anything is saved.
 */
final class EnrolmentImport {

    private final EntityManager em;
    private final DirectoryService directory;
    private final AccountService accounts;

    EnrolmentImport(EntityManager em, DirectoryService directory, AccountService accounts) {
        this.em = em;
        this.directory = directory;
        this.accounts = accounts;
    }

    EnrolmentPreview preview(Cohort cohort, byte[] file, long activeMembers) {
        EnrolmentCsv.Parsed parsed = parse(file);
        int placesLeft = (int) Math.max(0, cohort.getCapacity() - activeMembers);
        Map<String, Long> ids = parsed.rows().isEmpty() ? Map.of()
                : accounts.findIdsByEmail(parsed.rows().stream().map(EnrolmentRow::email).toList());
        Map<Long, MembershipStatus> members = new HashMap<>();
        em.createQuery("SELECT m.person.id, m.status FROM CohortMembership m WHERE m.cohort = :c", Object[].class)
                .setParameter("c", cohort).getResultList()
                .forEach(row -> members.put((Long) row[0], (MembershipStatus) row[1]));
        // Every line's problems at once, those of the file and those of the accounts it names, in line order.
        List<RowProblem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(EnrolmentCsv.accountProblems(parsed.rows(), accounts(cohort, ids, members)));
        problems.sort(Comparator.comparingInt(RowProblem::line));
        if (!problems.isEmpty()) {
            return new EnrolmentPreview(List.of(), problems, placesLeft);
        }
        List<EnrolmentPreview.Line> lines = parsed.rows().stream().map(row -> {
            Long id = ids.get(row.email());
            MembershipStatus status = id == null ? null : members.get(id);
            EnrolmentPreview.Outcome outcome = id == null ? EnrolmentPreview.Outcome.NEW_PERSON
                    : status == null ? EnrolmentPreview.Outcome.EXISTING_PERSON
                    : status.isActive() ? EnrolmentPreview.Outcome.ALREADY_ENROLLED
                    : EnrolmentPreview.Outcome.RE_ENROL;
            return new EnrolmentPreview.Line(row.line(), row.email(), row.givenName() + " " + row.familyName(),
                    row.profession(), row.organisation(), outcome);
        }).toList();
        return new EnrolmentPreview(lines, List.of(), placesLeft);
    }

    /**
     * What is known of the accounts the file names (by email address): whether each is active, and another cohort of
     * the same programme the person is enrolled in or completed. Two queries, whatever the file's length.
     */
    private Map<String, EnrolmentCsv.Account> accounts(Cohort cohort, Map<String, Long> ids, Map<Long, MembershipStatus> members) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Boolean> active = new HashMap<>();
        em.createQuery("SELECT p.id, p.active FROM Person p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", ids.values()).getResultList()
                .forEach(row -> active.put((Long) row[0], (Boolean) row[1]));
        Map<Long, String> elsewhere = new HashMap<>();
        em.createQuery("""
                        SELECT m.person.id, c.name FROM CohortMembership m JOIN m.cohort c
                        WHERE m.person.id IN :ids AND c.programme = :programme AND c <> :cohort
                          AND m.status IN (org.leadingtogether.cohort.MembershipStatus.ENROLLED, org.leadingtogether.cohort.MembershipStatus.COMPLETED)
                        ORDER BY c.startDate, c.name""", Object[].class)
                .setParameter("ids", ids.values()).setParameter("programme", cohort.getProgramme()).setParameter("cohort", cohort)
                .getResultList()
                .forEach(row -> elsewhere.putIfAbsent((Long) row[0], (String) row[1]));
        Map<String, EnrolmentCsv.Account> byEmail = new HashMap<>();
        ids.forEach((email, id) -> {
            MembershipStatus here = members.get(id);
            byEmail.put(email, new EnrolmentCsv.Account(Boolean.TRUE.equals(active.get(id)), here != null && here.isActive(), elsewhere.get(id)));
        });
        return byEmail;
    }

    /** The people in the file who have no account yet. */
    List<NewLearner> newcomers(EnrolmentPreview preview, byte[] file) {
        Set<String> fresh = new HashSet<>();
        preview.lines().stream().filter(l -> l.outcome() == EnrolmentPreview.Outcome.NEW_PERSON)
                .forEach(l -> fresh.add(l.email()));
        return parse(file).rows().stream().filter(r -> fresh.contains(r.email()))
                .map(r -> new NewLearner(r.email(), r.givenName(), r.familyName(), r.profession(), r.organisation(), r.jobTitle()))
                .toList();
    }

    private EnrolmentCsv.Parsed parse(byte[] file) {
        return EnrolmentCsv.parse(file,
                directory.findProfessions().stream().map(Profession::getName).toList(),
                directory.findOrganisations().stream().map(Organisation::getName).toList());
    }
}

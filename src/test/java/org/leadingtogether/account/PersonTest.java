package org.leadingtogether.account;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonTest {

    @Test
    void emailIsStoredTrimmedAndInLowerCase() {
        Person person = new Person("  Amara.Okafor@Riverside.NHS.uk ", "Amara", "Okafor");
        assertEquals("amara.okafor@riverside.nhs.uk", person.getEmail());
    }

    @Test
    void aTemporaryPasswordMustBeChangedAndChangingItClearsTheFlag() {
        Person person = new Person("a@b.org", "A", "B");
        assertFalse(person.canSignIn(), "no password yet");
        person.setTemporaryPassword("hash-1");
        assertTrue(person.isMustChangePassword());
        assertTrue(person.canSignIn());
        person.changePassword("hash-2");
        assertFalse(person.isMustChangePassword());
        assertEquals("hash-2", person.getPasswordHash());
    }

    @Test
    void aDeactivatedPersonCannotSignIn() {
        Person person = new Person("a@b.org", "A", "B");
        person.changePassword("hash");
        person.deactivate();
        assertFalse(person.canSignIn());
        person.activate();
        assertTrue(person.canSignIn());
    }

    @Test
    void rolesAreASetAndABlankJobTitleIsNone() {
        Person person = new Person("a@b.org", "A", "B");
        person.setRoles(EnumSet.of(Role.LEARNER, Role.COACH));
        assertTrue(person.hasRole(Role.COACH));
        assertFalse(person.hasRole(Role.ADMIN));
        person.setJobTitle("   ");
        assertNull(person.getJobTitle());
    }

    @Test
    void formConstraintsCatchABadEmailAndMissingNames() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        PersonForm form = new PersonForm();
        form.setEmail("not-an-email");
        var violations = validator.validate(form);
        assertTrue(violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("email")));
        assertTrue(violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("givenName")));
        assertTrue(violations.stream().anyMatch(v -> v.getPropertyPath().toString().equals("familyName")));

        form.setEmail("sam@example.org");
        form.setGivenName("Sam");
        form.setFamilyName("Jones");
        assertTrue(validator.validate(form).isEmpty());
    }

    @Test
    void theFirstHomeFollowsRoleOrder() {
        CurrentPerson coachAndAdmin = new CurrentPerson(1, "X Y", "x@y.org", EnumSet.of(Role.ADMIN, Role.COACH), false, 0);
        assertEquals("/coach/home.xhtml", coachAndAdmin.homePage());
    }

    @Test
    void deactivatingTakingARoleAwayAndAnyPasswordChangeEndSessionsButGivingARoleDoesNot() {
        Person person = new Person("sam@example.org", "Sam", "Jones");
        person.setRoles(EnumSet.of(Role.LEARNER));
        int start = person.getAccessVersion();

        person.setRoles(EnumSet.of(Role.LEARNER, Role.COACH));
        assertEquals(start, person.getAccessVersion(), "a role given: sessions go on, with the new role");
        person.setRoles(EnumSet.of(Role.COACH, Role.LEARNER));
        assertEquals(start, person.getAccessVersion(), "the same roles again change nothing");

        person.setRoles(EnumSet.of(Role.LEARNER));
        assertEquals(start + 1, person.getAccessVersion(), "a role taken away ends every session");
        person.setTemporaryPassword("hash-1");
        assertEquals(start + 2, person.getAccessVersion(), "a password reset by an administrator ends every session");
        person.changePassword("hash-2");
        assertEquals(start + 3, person.getAccessVersion(), "a password changed by the person ends their other sessions");
        person.deactivate();
        assertEquals(start + 4, person.getAccessVersion(), "deactivation ends every session");
        person.activate();
        assertEquals(start + 4, person.getAccessVersion(), "reactivation brings no old session back");
        person.unlinkFromProvider();
        assertEquals(start + 5, person.getAccessVersion(), "a link to an identity provider removed ends every session");
    }
}

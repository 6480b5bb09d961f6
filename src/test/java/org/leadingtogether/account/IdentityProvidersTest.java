package org.leadingtogether.account;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity providers as the environment configures them, and the roles a provider's groups decide. */
class IdentityProvidersTest {

    private static Map<String, String> entraAndCouncil() {
        Map<String, String> settings = new HashMap<>();
        settings.put("oidc.providers", "nhsmail, council");
        settings.put("oidc.nhsmail.label", "NHSmail");
        settings.put("oidc.nhsmail.issuer", "https://login.microsoftonline.com/37c354b2-85b0-47f5-b222-07b48d774ee3/v2.0");
        settings.put("oidc.nhsmail.client.id", "11111111-2222-3333-4444-555555555555");
        settings.put("oidc.nhsmail.client.secret", "secret");
        settings.put("oidc.nhsmail.domains", "nhs.net, @NHS.uk");
        settings.put("oidc.nhsmail.trust.emails", "true");
        settings.put("oidc.council.issuer", "https://id.westmoor.gov.uk/realms/staff");
        settings.put("oidc.council.client.id", "leading-together");
        settings.put("oidc.council.client.secret", "secret");
        settings.put("oidc.council.domains", "westmoor.gov.uk");
        settings.put("oidc.council.unknown.people", "create-learner");
        settings.put("oidc.council.groups.claim", "groups");
        settings.put("oidc.council.group.roles", "/coaches=COACH; /programme-managers=programme_manager");
        return settings;
    }

    private static IdentityProviders read(Map<String, String> settings) {
        return IdentityProviders.read(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void providersAreReadInTheirOrderWithTheirDomainsAndRules() {
        IdentityProviders providers = read(entraAndCouncil());
        assertEquals(2, providers.all().size());
        IdentityProvider nhsmail = providers.all().get(0);
        assertEquals("nhsmail", nhsmail.id());
        assertEquals("NHSmail", nhsmail.label());
        assertEquals(Set.of("nhs.net", "nhs.uk"), nhsmail.domains());
        assertTrue(nhsmail.trustEmails());
        assertEquals(IdentityProvider.UnknownPeople.REFUSE, nhsmail.unknownPeople(), "refused unless configured otherwise");
        assertEquals("email", nhsmail.emailClaim());
        IdentityProvider council = providers.find("council").orElseThrow();
        assertEquals("council", council.label(), "the name stands in for a missing label");
        assertEquals(IdentityProvider.UnknownPeople.CREATE_LEARNER, council.unknownPeople());
        assertEquals(Map.of("/coaches", Role.COACH, "/programme-managers", Role.PROGRAMME_MANAGER), council.groupRoles());
        assertFalse(council.trustEmails(), "email_verified is needed unless the provider is trusted for its domains");
    }

    @Test
    void anAddressGoesToTheProviderOfItsDomainWhateverItsCase() {
        IdentityProviders providers = read(entraAndCouncil());
        assertEquals("nhsmail", providers.forEmail(" Sam.Jones@NHS.NET ").orElseThrow().id());
        assertEquals("council", providers.forEmail("ann@westmoor.gov.uk").orElseThrow().id());
        assertTrue(providers.forEmail("ann@sub.westmoor.gov.uk").isEmpty(), "only the domains named");
        assertTrue(providers.forEmail("someone@example.org").isEmpty());
        assertTrue(providers.forEmail("not an address").isEmpty());
        assertTrue(providers.forEmail(null).isEmpty());
    }

    @Test
    void noSettingMeansNoProviders() {
        assertTrue(read(Map.of()).isEmpty());
    }

    @Test
    void aWrongSettingStopsTheStartWithItsName() {
        Map<String, String> settings = entraAndCouncil();
        settings.remove("oidc.council.client.secret");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(settings)).getMessage().contains("OIDC_COUNCIL_CLIENT_SECRET"));

        Map<String, String> noDomains = entraAndCouncil();
        noDomains.remove("oidc.nhsmail.domains");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(noDomains)).getMessage().contains("OIDC_NHSMAIL_DOMAINS"));

        Map<String, String> plainHttp = entraAndCouncil();
        plainHttp.put("oidc.council.issuer", "http://id.westmoor.gov.uk/realms/staff");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(plainHttp)).getMessage().contains("https"));

        Map<String, String> badRole = entraAndCouncil();
        badRole.put("oidc.council.group.roles", "/x=SUPERUSER");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(badRole)).getMessage().contains("SUPERUSER"));

        Map<String, String> shared = entraAndCouncil();
        shared.put("oidc.council.domains", "westmoor.gov.uk,nhs.net");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(shared)).getMessage().contains("nhs.net"));

        Map<String, String> groupsWithoutClaim = entraAndCouncil();
        groupsWithoutClaim.remove("oidc.council.groups.claim");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(groupsWithoutClaim)).getMessage().contains("GROUPS_CLAIM"));

        Map<String, String> unknown = entraAndCouncil();
        unknown.put("oidc.council.unknown.people", "welcome");
        assertThrows(IllegalStateException.class, () -> read(unknown));
    }

    @Test
    void mappedRolesFollowTheGroupsAndOtherRolesStayThePortals() {
        Person person = new Person("ann@westmoor.gov.uk", "Ann", "Lee");
        person.setRoles(EnumSet.of(Role.LEARNER, Role.ADMIN, Role.COACH));
        int version = person.getAccessVersion();
        Set<Role> mapped = EnumSet.of(Role.COACH, Role.PROGRAMME_MANAGER);

        person.followProviderGroups(mapped, EnumSet.of(Role.PROGRAMME_MANAGER));
        assertEquals(EnumSet.of(Role.LEARNER, Role.ADMIN, Role.PROGRAMME_MANAGER), person.getRoles(),
                "coach taken (no group), manager given (group), learner and administrator untouched");
        assertTrue(person.getAccessVersion() > version, "a role taken ends the person's other sessions");

        int after = person.getAccessVersion();
        person.followProviderGroups(mapped, EnumSet.of(Role.PROGRAMME_MANAGER, Role.ADMIN));
        assertEquals(EnumSet.of(Role.LEARNER, Role.ADMIN, Role.PROGRAMME_MANAGER), person.getRoles(), "an unmapped role is never given by a group");
        assertEquals(after, person.getAccessVersion(), "nothing changed, nobody signed out");
    }
}

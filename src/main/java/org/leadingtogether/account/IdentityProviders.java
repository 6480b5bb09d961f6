package org.leadingtogether.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The identity providers the portal signs people in through, read from the environment:
 *
 * <pre>
 * OIDC_PROVIDERS=nhsmail,council                       the providers, in the order of their buttons
 * OIDC_NHSMAIL_LABEL=NHSmail                           the button says "Sign in with NHSmail"
 * OIDC_NHSMAIL_ISSUER=https://login.microsoftonline.com/&lt;tenant&gt;/v2.0
 * OIDC_NHSMAIL_CLIENT_ID=…  OIDC_NHSMAIL_CLIENT_SECRET=…
 * OIDC_NHSMAIL_DOMAINS=nhs.net                         the email domains it serves (required)
 * OIDC_NHSMAIL_UNKNOWN_PEOPLE=refuse                   or create-learner
 * OIDC_NHSMAIL_EMAIL_CLAIM=email                       the claim with the email address
 * OIDC_NHSMAIL_TRUST_EMAILS=false                      true: addresses count as verified without email_verified
 * OIDC_NHSMAIL_GROUPS_CLAIM=groups                     optional: a claim listing the person's groups …
 * OIDC_NHSMAIL_GROUP_ROLES=&lt;group&gt;=COACH;&lt;group&gt;=PROGRAMME_MANAGER   … and which group gives which role
 * </pre>
 *
 * A setting that is wrong stops the portal at start-up with a message naming it, rather than letting a provider
 * half work: a missing issuer, client or domain, an unknown role, a domain served by two providers. Plain Java,
 * reading settings through a function, so it is tested without a container.
 */
public final class IdentityProviders {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{0,19}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private final Map<String, IdentityProvider> byId;
    private final Map<String, IdentityProvider> byDomain;

    private IdentityProviders(List<IdentityProvider> providers) {
        Map<String, IdentityProvider> ids = new LinkedHashMap<>();
        Map<String, IdentityProvider> domains = new HashMap<>();
        for (IdentityProvider provider : providers) {
            ids.put(provider.id(), provider);
            for (String domain : provider.domains()) {
                IdentityProvider other = domains.put(domain, provider);
                if (other != null) {
                    throw new IllegalStateException("The email domain " + domain + " is served by two identity providers, "
                            + other.id() + " and " + provider.id() + ": give it to one (OIDC_…_DOMAINS).");
                }
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.byDomain = Collections.unmodifiableMap(domains);
    }

    /** No providers: every person signs in with a password. */
    public static IdentityProviders none() {
        return new IdentityProviders(List.of());
    }

    /**
     * Reads the providers from settings, where {@code setting} answers a lower-case dotted name such as
     * {@code oidc.nhsmail.issuer} (MicroProfile Config finds it as {@code OIDC_NHSMAIL_ISSUER} in the environment).
     *
     * @throws IllegalStateException naming the setting at fault
     */
    public static IdentityProviders read(Function<String, Optional<String>> setting) {
        List<IdentityProvider> providers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : list(setting.apply("oidc.providers").orElse(""))) {
            String key = id.toLowerCase(Locale.ROOT);
            if (!ID.matcher(key).matches()) {
                throw new IllegalStateException("OIDC_PROVIDERS: \"" + id + "\" is not a provider name (letters and digits, starting with a letter).");
            }
            if (!seen.add(key)) {
                throw new IllegalStateException("OIDC_PROVIDERS names " + key + " twice.");
            }
            providers.add(provider(key, name -> setting.apply("oidc." + key + "." + name).map(String::strip).filter(v -> !v.isEmpty())));
        }
        return new IdentityProviders(providers);
    }

    private static IdentityProvider provider(String id, Function<String, Optional<String>> setting) {
        String prefix = "OIDC_" + id.toUpperCase(Locale.ROOT) + "_";
        URI issuer;
        try {
            issuer = URI.create(required(setting, prefix, "issuer"));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException(prefix + "ISSUER is not an address: " + malformed.getMessage());
        }
        if (!"https".equals(issuer.getScheme()) && !isLoopback(issuer)) {
            throw new IllegalStateException(prefix + "ISSUER must be an https address (plain http only on this machine, for tests): " + issuer);
        }
        Set<String> domains = new HashSet<>();
        for (String domain : list(required(setting, prefix, "domains"))) {
            String lower = domain.toLowerCase(Locale.ROOT).replaceFirst("^@", "");
            if (!DOMAIN.matcher(lower).matches()) {
                throw new IllegalStateException(prefix + "DOMAINS: \"" + domain + "\" is not an email domain.");
            }
            domains.add(lower);
        }
        IdentityProvider.UnknownPeople unknown = switch (setting.apply("unknown.people").orElse("refuse").toLowerCase(Locale.ROOT)) {
            case "refuse" -> IdentityProvider.UnknownPeople.REFUSE;
            case "create-learner" -> IdentityProvider.UnknownPeople.CREATE_LEARNER;
            default -> throw new IllegalStateException(prefix + "UNKNOWN_PEOPLE must be refuse or create-learner.");
        };
        String groupsClaim = setting.apply("groups.claim").orElse(null);
        Map<String, Role> groupRoles = new LinkedHashMap<>();
        for (String pair : setting.apply("group.roles").map(v -> Arrays.asList(v.split(";"))).orElse(List.of())) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.lastIndexOf('=');
            if (equals < 1) {
                throw new IllegalStateException(prefix + "GROUP_ROLES: \"" + pair.strip() + "\" is not group=ROLE.");
            }
            String role = pair.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
            try {
                groupRoles.put(pair.substring(0, equals).strip(), Role.valueOf(role));
            } catch (IllegalArgumentException unknownRole) {
                throw new IllegalStateException(prefix + "GROUP_ROLES: " + role + " is not a role (LEARNER, COACH, PROGRAMME_MANAGER, ADMIN).");
            }
        }
        if (!groupRoles.isEmpty() && groupsClaim == null) {
            throw new IllegalStateException(prefix + "GROUP_ROLES needs " + prefix + "GROUPS_CLAIM, the claim that lists the groups.");
        }
        boolean trustEmails = Boolean.parseBoolean(setting.apply("trust.emails").orElse("false"));
        return new IdentityProvider(id, setting.apply("label").orElse(id), issuer, required(setting, prefix, "client.id"),
                required(setting, prefix, "client.secret"), Set.copyOf(domains), unknown, setting.apply("email.claim").orElse("email"),
                trustEmails, groupsClaim, Collections.unmodifiableMap(groupRoles));
    }

    public List<IdentityProvider> all() {
        return List.copyOf(byId.values());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public Optional<IdentityProvider> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The provider that serves the domain of {@code email}, if one does. */
    public Optional<IdentityProvider> forEmail(String email) {
        String domain = IdentityProvider.domainOf(email);
        return Optional.ofNullable(domain == null ? null : byDomain.get(domain));
    }

    private static String required(Function<String, Optional<String>> setting, String prefix, String name) {
        return setting.apply(name).orElseThrow(() -> new IllegalStateException(
                prefix + name.toUpperCase(Locale.ROOT).replace('.', '_') + " is not set: every identity provider needs it."));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isLoopback(URI uri) {
        return "http".equals(uri.getScheme()) && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
    }
}

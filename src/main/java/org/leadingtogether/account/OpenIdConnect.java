package org.leadingtogether.account;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The portal as an OpenID Connect client (relying party) of each configured {@link IdentityProvider}, through the
 * Nimbus OAuth 2.0 / OpenID Connect SDK: the authorization code flow with PKCE (S256), a fresh state and nonce per
 * sign-in, the code exchanged with the client secret, and the ID token's signature checked against the keys the
 * provider publishes (its JWK set, fetched and cached by the library, fetched again when a token names a key it has
 * not seen), with its issuer, audience, expiry and nonce. No token is parsed or checked by hand.
 *
 * <p>A provider's metadata ({@code /.well-known/openid-configuration}) is read when someone first signs in through it,
 * not at start-up: the portal starts, and people with passwords sign in, while a provider is away. A failed read is
 * tried again at the next sign-in.
 *
 * <p>Why not the container's own {@code @OpenIdAuthenticationMechanismDefinition}: in Jakarta EE 10 it defines one
 * provider per application and becomes the application's authentication mechanism, while the portal needs several
 * providers beside passwords, all ending in the one session shape that {@link PortalAuthenticationMechanism} checks on
 * every request.
 */
@ApplicationScoped
public class OpenIdConnect {

    private static final Logger LOG = Logger.getLogger(OpenIdConnect.class.getName());

    /** How long a sign-in begun may take at the provider before its return is refused. */
    static final Duration PENDING_FOR = Duration.ofMinutes(15);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final Duration RETRY_METADATA_AFTER = Duration.ofSeconds(10);

    @Inject
    private Clock clock;

    private IdentityProviders providers;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();

    /** What the portal knows of a provider once it has read its metadata. */
    private record Connection(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** The first step's result: where to send the browser, and what to keep in its session until it returns. */
    public record Begun(URI authorizationRequest, PendingSignIn pending) {
    }

    /** Thrown when a sign-in through a provider cannot go on, with the reason the person is shown. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final ProviderProblem problem;

        public Refused(ProviderProblem problem, String detail) {
            super(problem + ": " + detail);
            this.problem = problem;
        }

        public ProviderProblem problem() {
            return problem;
        }
    }

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        providers = IdentityProviders.read(name -> config.getOptionalValue(name, String.class));
    }

    /** Reads the settings as the application starts, so that a wrong one stops the portal with a message naming it. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> providers.isEmpty() ? "No identity providers configured: everyone signs in with a password."
                : "Identity providers: " + providers.all().stream().map(p -> p.id() + " (" + p.issuer() + ", " + p.domains() + ")").toList());
    }

    public IdentityProviders providers() {
        return providers;
    }

    /**
     * Begins a sign-in through {@code provider}: a new state, nonce and PKCE verifier, and the address of the
     * provider's authorization endpoint with them (the verifier only as its S256 challenge).
     *
     * @param loginHint an email address to offer the provider, or null
     * @param next      the portal page to go to afterwards (checked by the caller), or null
     */
    public Begun begin(IdentityProvider provider, URI redirectUri, String loginHint, String next) throws Refused {
        Connection connection = connect(provider);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email", "profile"), new ClientID(provider.clientId()), redirectUri)
                .endpointURI(connection.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (loginHint != null && !loginHint.isBlank()) {
            request.loginHint(loginHint.strip());
        }
        PendingSignIn pending = new PendingSignIn(provider.id(), state.getValue(), nonce.getValue(), verifier.getValue(),
                redirectUri.toString(), next, clock.instant());
        return new Begun(request.build().toURI(), pending);
    }

    /**
     * Finishes a sign-in: the provider's answer ({@code callback}, the full address the browser came back to) must carry
     * the pending sign-in's state; its code is exchanged, with the PKCE verifier and the client secret, for an ID token,
     * which is checked (signature against the provider's keys, issuer, audience, expiry, nonce) before anything in it
     * is believed.
     *
     * @param pending the sign-in begun in this session, or null if there is none
     */
    public VerifiedIdentity finish(PendingSignIn pending, URI callback) throws Refused {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException malformed) {
            throw new Refused(ProviderProblem.NOT_BEGUN_HERE, "the return could not be read: " + malformed.getMessage());
        }
        if (pending == null || response.getState() == null
                || !constantTimeEquals(pending.state(), response.getState().getValue())) {
            throw new Refused(ProviderProblem.NOT_BEGUN_HERE, "the state does not match a sign-in begun in this session");
        }
        if (clock.instant().isAfter(pending.begunAt().plus(PENDING_FOR))) {
            throw new Refused(ProviderProblem.NOT_BEGUN_HERE, "the sign-in was begun more than " + PENDING_FOR.toMinutes() + " minutes ago");
        }
        if (response instanceof AuthenticationErrorResponse error) {
            throw new Refused(ProviderProblem.CANCELLED, "the provider answered " + error.getErrorObject().getCode());
        }
        IdentityProvider provider = providers.find(pending.providerId())
                .orElseThrow(() -> new Refused(ProviderProblem.NOT_BEGUN_HERE, "no provider " + pending.providerId()));
        Connection connection = connect(provider);
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new Refused(ProviderProblem.CODE_REFUSED, "the return carried no code");
        }
        TokenResponse tokens;
        try {
            HTTPRequest exchange = new TokenRequest(connection.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
                    new AuthorizationCodeGrant(code, URI.create(pending.redirectUri()), new CodeVerifier(pending.codeVerifier())))
                    .toHTTPRequest();
            exchange.setConnectTimeout(CONNECT_TIMEOUT_MS);
            exchange.setReadTimeout(READ_TIMEOUT_MS);
            tokens = OIDCTokenResponseParser.parse(exchange.send());
        } catch (IOException | ParseException unreachable) {
            throw new Refused(ProviderProblem.PROVIDER_UNAVAILABLE, "the token endpoint: " + unreachable.getMessage());
        }
        if (!tokens.indicatesSuccess()) {
            throw new Refused(ProviderProblem.CODE_REFUSED, "the token endpoint answered "
                    + tokens.toErrorResponse().getErrorObject().getCode());
        }
        JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        try {
            claims = connection.validator().validate(idToken, new Nonce(pending.nonce()));
        } catch (BadJOSEException | JOSEException | RuntimeException invalid) {
            throw new Refused(ProviderProblem.TOKEN_REFUSED, "the ID token: " + invalid.getMessage());
        }
        String email = claims.getStringClaim(provider.emailClaim());
        Boolean verified = claims.getBooleanClaim("email_verified");
        return new VerifiedIdentity(provider.id(), claims.getIssuer().getValue(), claims.getSubject().getValue(),
                email == null ? null : Person.normaliseEmail(email),
                provider.trustEmails() || Boolean.TRUE.equals(verified),
                claims.getStringClaim("given_name"), claims.getStringClaim("family_name"),
                groups(claims, provider.groupsClaim()), idToken.serialize());
    }

    /**
     * Where to send someone signing out who signed in through {@code providerId}, so that their session at the provider
     * ends too (RP-initiated logout), coming back to {@code afterwards}; empty when the provider offers no such address
     * or cannot be reached just now (the portal's own session has ended either way).
     */
    public Optional<URI> signOutAt(String providerId, String idToken, URI afterwards) {
        try {
            IdentityProvider provider = providers.find(providerId).orElse(null);
            if (provider == null) {
                return Optional.empty();
            }
            URI endSession = connect(provider).metadata().getEndSessionEndpointURI();
            if (endSession == null) {
                return Optional.empty();
            }
            return Optional.of(new LogoutRequest(endSession, JWTParser.parse(idToken), null, new ClientID(provider.clientId()),
                    afterwards, null, null).toURI());
        } catch (Refused | java.text.ParseException | RuntimeException unavailable) {
            LOG.warning(() -> "Signing out at identity provider " + providerId + " was not possible: " + unavailable.getMessage());
            return Optional.empty();
        }
    }

    private Connection connect(IdentityProvider provider) throws Refused {
        Connection known = connections.get(provider.id());
        if (known != null) {
            return known;
        }
        Instant failed = failedAt.get(provider.id());
        if (failed != null && clock.instant().isBefore(failed.plus(RETRY_METADATA_AFTER))) {
            throw new Refused(ProviderProblem.PROVIDER_UNAVAILABLE, "its metadata could not be read a moment ago");
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(provider.issuer()), CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
            List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
            JWSAlgorithm algorithm = algorithms == null || algorithms.isEmpty() || algorithms.contains(JWSAlgorithm.RS256)
                    ? JWSAlgorithm.RS256 : algorithms.get(0);
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(provider.clientId()), algorithm,
                    metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, 512 * 1024));
            Connection connection = new Connection(metadata, validator);
            connections.put(provider.id(), connection);
            failedAt.remove(provider.id());
            return connection;
        } catch (Exception unreachable) {
            failedAt.put(provider.id(), clock.instant());
            LOG.warning(() -> "Identity provider " + provider.id() + " (" + provider.issuer() + ") could not be reached: " + unreachable);
            throw new Refused(ProviderProblem.PROVIDER_UNAVAILABLE, unreachable.toString());
        }
    }

    /** The groups claim, a list of strings (or one string), or none. */
    static Set<String> groups(IDTokenClaimsSet claims, String claim) {
        if (claim == null) {
            return Set.of();
        }
        Object value = claims.getClaim(claim);
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof Collection<?> many) {
            many.stream().filter(g -> g != null).map(String::valueOf).forEach(groups::add);
        } else if (value instanceof String one) {
            groups.add(one);
        }
        return Set.copyOf(groups);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

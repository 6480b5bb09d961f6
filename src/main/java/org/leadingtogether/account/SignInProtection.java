package org.leadingtogether.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The portal's {@link SignInGuard}, configured, and the client address of a request.
 *
 * <p>Configuration: {@code SIGNIN_CLIENT_FAILURES} (failed sign-ins from one client address in 15 minutes before it
 * is refused; default 30), {@code SIGNIN_GLOBAL_FAILURES} (failed sign-ins across the portal in a minute above which
 * client addresses that have failed are refused; default 100) and {@code SIGNIN_TRUSTED_PROXIES} (comma-separated
 * addresses of the load balancers or reverse proxies in front of the portal; empty by default). Behind a proxy every
 * request comes from the proxy's address, so without this setting the per-client limit would count everyone together:
 * for a request from a trusted proxy, the client is the right-most address of {@code X-Forwarded-For} that is not
 * itself a trusted proxy. The header is never believed from anyone else, as a client can write what it likes there.
 * Password reset requests from a client address are limited the same way, with their own counts ({@link #chargeReset}).
 */
@ApplicationScoped
public class SignInProtection {

    @Inject
    @ConfigProperty(name = "signin.client.failures", defaultValue = "30")
    private int clientFailures;

    @Inject
    @ConfigProperty(name = "signin.global.failures", defaultValue = "100")
    private int globalFailures;

    @Inject
    @ConfigProperty(name = "signin.trusted.proxies", defaultValue = " ")
    private String trustedProxiesSetting;

    @Inject
    @ConfigProperty(name = "reset.client.requests", defaultValue = "10")
    private int resetClientRequests;

    @Inject
    @ConfigProperty(name = "reset.global.requests", defaultValue = "60")
    private int resetGlobalRequests;

    @Inject
    private Clock clock;

    private SignInGuard guard;
    /** The same brake for password reset requests, counted separately: each request counts, as each sends an email. */
    private SignInGuard resetGuard;
    private Set<String> trustedProxies;

    @PostConstruct
    void init() {
        guard = new SignInGuard(clientFailures, globalFailures);
        resetGuard = new SignInGuard(resetClientRequests, resetGlobalRequests);
        trustedProxies = parse(trustedProxiesSetting);
    }

    /** Why an attempt from this request's client must not be checked, if it must not. */
    public Optional<SignInGuard.Refusal> check(HttpServletRequest request) {
        return guard.check(clientOf(request), clock.instant());
    }

    /** A sign-in from this request's client failed. */
    public void recordFailure(HttpServletRequest request) {
        guard.recordFailure(clientOf(request), clock.instant());
    }

    /**
     * Whether a password reset may be asked for from this request's client: after {@code RESET_CLIENT_REQUESTS} (10)
     * requests from one client address in 15 minutes, or while more than {@code RESET_GLOBAL_REQUESTS} (60) a minute
     * arrive across the portal from addresses that have asked recently, it may not. The request is counted when it is
     * allowed. Empty when allowed; else how long to wait, in whole minutes.
     */
    public Optional<Long> chargeReset(HttpServletRequest request) {
        String client = clientOf(request);
        java.time.Instant now = clock.instant();
        Optional<SignInGuard.Refusal> refusal = resetGuard.check(client, now);
        if (refusal.isPresent()) {
            return Optional.of(refusal.get().minutes());
        }
        resetGuard.recordFailure(client, now);
        return Optional.empty();
    }

    String clientOf(HttpServletRequest request) {
        return clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For")), trustedProxies);
    }

    /** The client address: the peer, unless the peer is a trusted proxy, then the right-most untrusted forwarded address. */
    static String clientAddress(String peer, List<String> forwardedHeaders, Set<String> trustedProxies) {
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = forwardedHeaders.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return peer;
    }

    static Set<String> parse(String setting) {
        return setting == null ? Set.of() : Arrays.stream(setting.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}

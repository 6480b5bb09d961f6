package org.leadingtogether.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One person's HTTP session with the portal, as a browser would hold it (cookies kept, redirects not followed, so
 * every answer can be checked as it comes): for tests that ask for many pages or replay forms without a browser.
 */
public final class PortalClient {

    private static final Pattern NONCE = Pattern.compile("csp\\.init\\('([^']+)'\\)");

    private final URL base;
    private final HttpClient http;
    /** An address this client says it is forwarded for, as a proxy in front of the portal would add (null: none). */
    private String forwardedFor;

    private PortalClient(URL base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A visitor who has not signed in. */
    public static PortalClient anonymous(URL base) {
        return new PortalClient(base);
    }

    /** Someone signed in through the real sign-in form, so the session is what a browser would have. */
    public static PortalClient signedIn(URL base, String email, String password) {
        PortalClient client = new PortalClient(base);
        Map<String, String> form = client.form("/sign-in.xhtml", "signIn");
        form.put("signIn:email", email);
        form.put("signIn:password", password);
        form.put("signIn:submit", "Sign in");
        HttpResponse<String> response = client.post("/sign-in.xhtml", form);
        String location = response.headers().firstValue("Location").orElse("");
        assertTrue((response.statusCode() == 302 || response.statusCode() == 303) && !location.contains("sign-in"),
                "signed in as " + email + ": " + response.statusCode() + " " + location);
        return client;
    }

    /**
     * Someone signed in through an identity provider as a browser would: the portal's button, the provider's own sign-in
     * form (Keycloak's, filled in and sent), and back to the portal with the code. Fails unless it ends signed in.
     */
    public static PortalClient signedInThroughProvider(URL base, String providerId, String username, String password) {
        PortalClient client = new PortalClient(base);
        String callback = client.callbackFromProvider(providerId, username, password);
        HttpResponse<String> signedIn = client.get(callback);
        String location = signedIn.headers().firstValue("Location").orElse("");
        assertTrue((signedIn.statusCode() == 302 || signedIn.statusCode() == 303) && !location.contains("sign-in"),
                "signed in through " + providerId + " as " + username + ": " + signedIn.statusCode() + " " + location);
        return client;
    }

    /**
     * Begins a sign-in through {@code providerId} in this client's session and signs in at the provider's own form,
     * stopping at the address the provider sends the browser back to the portal with (the code and state in it), which
     * is returned, not followed.
     */
    public String callbackFromProvider(String providerId, String username, String password) {
        HttpResponse<String> begun = get("/sign-in/provider?id=" + providerId);
        assertTrue(begun.statusCode() == 302, "the portal sends the browser to the provider: " + begun.statusCode());
        String authorization = begun.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorization)).build());
        assertTrue(page.statusCode() == 200, "the provider's sign-in page: " + page.statusCode() + " " + authorization);
        Element form = Jsoup.parse(page.body(), authorization).getElementById("kc-form-login");
        assertNotNull(form, "the provider's sign-in form");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
                        + "&credentialId=")).build());
        String location = answer.headers().firstValue("Location").orElse("");
        assertTrue(answer.statusCode() == 302 && location.contains("/sign-in/provider/callback"),
                "the provider sends the browser back to the portal: " + answer.statusCode() + " " + location);
        return location.replaceFirst("^https?://[^/]+", "");
    }

    /** This client, as seen through a proxy in front of the portal that forwards for {@code address}. */
    public PortalClient forwardedFor(String address) {
        this.forwardedFor = address;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).build());
    }

    /** Posts form fields, URL-encoded, as a browser submits a form. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, new String[0]);
    }

    /** {@link #post(String, Map)} with headers a browser would add (name, value, name, value…), such as Sec-Fetch-Site. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * The fields a browser would send for the form {@code formId} of the page at {@code path}: hidden fields (the
     * Faces view state among them), text fields and text areas as they are, each list's chosen option, ticked boxes.
     * The CSP nonce is added as PrimeFaces' script would. Buttons are left out: add the one that is pressed.
     */
    public Map<String, String> form(String path, String formId) {
        HttpResponse<String> page = get(path);
        assertTrue(page.statusCode() == 200, path + " answered " + page.statusCode());
        return fields(page.body(), formId);
    }

    /** {@link #form(String, String)} for a page already in hand (the answer to a post, say). */
    public static Map<String, String> fields(String html, String formId) {
        Element form = Jsoup.parse(html).getElementById(formId);
        assertNotNull(form, "the page has the form " + formId);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (type.equals("submit") || type.equals("button") || type.equals("file")
                    || ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked"))) {
                continue;
            }
            if (input.tagName().equals("select")) {
                Element chosen = input.selectFirst("option[selected]");
                chosen = chosen != null ? chosen : input.selectFirst("option");
                fields.put(input.attr("name"), chosen == null ? "" : chosen.attr("value"));
            } else if (input.tagName().equals("textarea")) {
                fields.put(input.attr("name"), input.text());
            } else {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        // PrimeFaces' script adds the page's CSP nonce to every form it sends, and the portal checks it on the way back.
        Matcher nonce = NONCE.matcher(html);
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        return fields;
    }

    /**
     * Cookies as a browser keeps them, which counts {@code http://localhost} as secure: an identity provider on this machine
     * (Keycloak) marks its cookies Secure, and Java's own cookie manager would never send those back over plain http.
     */
    private static final class LoopbackCookies extends java.net.CookieHandler {
        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
            return cookies.get(secure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
            cookies.put(secure(uri), headers);
        }

        private static URI secure(URI uri) {
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            return loopback && "http".equals(uri.getScheme()) ? URI.create("https" + uri.toString().substring(4)) : uri;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (forwardedFor != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor).build();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return base.toExternalForm().replaceAll("/$", "") + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.leadingtogether.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A learner's visits as a browser makes them, over the loopback, for {@link SignInWarmUp}: the sign-in page, the form
 * sent, the home it leads to, the catalogue, then modules and home in turn, and signing out; what each learner of the
 * Monday-morning rush does ({@code RushSimulation}), with many more modules a visit, so that the pages behind sign-in
 * run often enough for the JIT compiler to optimise them. Every answer must be the page asked for (status 200, or
 * the sign-in's redirect); anything else stops the visits with an exception that says which page failed.
 */
final class SignedInVisits {

    /** Different modules opened in each visit. */
    static final int MODULES = 5;

    /** Times a visit opens a module (the {@link #MODULES} in turn), each followed by the home. */
    static final int MODULE_VIEWS = 100;

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("name=\"primefaces\\.nonce\" value=\"([^\"]*)\"");
    private static final Pattern SIGN_OUT_TOKEN = Pattern.compile("id=\"signOutForm\"[\\s\\S]*?name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern MODULE = Pattern.compile("module\\.xhtml\\?id=([\\w-]+)");

    private final String base;
    private final WarmUpAccount.Credentials account;

    SignedInVisits(String base, WarmUpAccount.Credentials account) {
        this.base = base;
        this.account = account;
    }

    /**
     * Makes up to {@code visits} visits, each in a session of its own, while {@code inTime} holds; returns the pages
     * opened.
     */
    int make(int visits, BooleanSupplier inTime) throws IOException, InterruptedException {
        int pages = 0;
        for (int visit = 0; visit < visits && inTime.getAsBoolean(); visit++) {
            pages += visit(inTime);
        }
        return pages;
    }

    private int visit(BooleanSupplier inTime) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String signInPage = page(client, "/sign-in.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signIn", "signIn");
        form.put("signIn:email", account.email());
        form.put("signIn:password", account.password());
        form.put("signIn:next", "");
        form.put("signIn:submit", "Sign in");
        form.put("jakarta.faces.ViewState", find(VIEW_STATE, signInPage, "/sign-in.xhtml"));
        Matcher nonce = NONCE.matcher(signInPage);
        form.put("primefaces.nonce", nonce.find() ? nonce.group(1) : "");
        HttpResponse<String> sent = send(client, post("/sign-in.xhtml", form));
        String home = sent.statusCode() / 100 == 3
                ? page(client, URI.create(base).resolve(sent.headers().firstValue("Location").orElse("")).toString().substring(base.length()))
                : body(sent, "/sign-in.xhtml (sent)");
        String token = find(SIGN_OUT_TOKEN, home, "the page after signing in (not signed in)");
        int pages = 3;
        Set<String> modules = new LinkedHashSet<>();
        Matcher found = MODULE.matcher(page(client, "/learner/catalogue.xhtml"));
        while (found.find()) {
            modules.add(found.group(1));
        }
        pages++;
        List<String> some = new ArrayList<>(modules).subList(0, Math.min(MODULES, modules.size()));
        for (int view = 0; view < MODULE_VIEWS && !some.isEmpty() && inTime.getAsBoolean(); view++) {
            page(client, "/learner/module.xhtml?id=" + some.get(view % some.size()));
            page(client, "/learner/home.xhtml");
            pages += 2;
        }
        int signedOut = send(client, post("/account/sign-out", Map.of("token", token))).statusCode();
        if (signedOut != 200 && signedOut / 100 != 3) {
            throw new IOException("Signing out answered " + signedOut);
        }
        return pages + 1;
    }

    private String page(HttpClient client, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml").GET().build();
        return body(send(client, request), path);
    }

    private HttpRequest post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String body(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(what + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String page, String what) throws IOException {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new IOException("Nothing found by " + pattern.pattern() + " in " + what);
        }
        return matcher.group(1);
    }
}

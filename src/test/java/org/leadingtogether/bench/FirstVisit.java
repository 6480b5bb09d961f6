package org.leadingtogether.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What a first visit costs a browser with an empty cache: every request and its bytes on the wire and unpacked, for
 * the sign-in page with what it links to, then signing in as a learner of the demo data and the learner home with
 * what it links to that the browser does not hold yet (style sheets' own {@code url(...)} included). Run by hand
 * against a running portal (README, Performance):
 *
 * <pre>mvn -q exec:java -Dexec.mainClass=org.leadingtogether.bench.FirstVisit [-Dvisit.url=http://127.0.0.1:8080]</pre>
 */
public final class FirstVisit {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"([^\"]*jakarta\\.faces\\.resource[^\"]*)\"");
    private static final Pattern CSS_URL = Pattern.compile("url\\(['\"]?([^'\")]+)['\"]?\\)");

    private final String base;
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> cached = new LinkedHashSet<>();
    private long requests;
    private long wire;
    private long unpacked;

    private FirstVisit(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        FirstVisit visit = new FirstVisit(System.getProperty("visit.url", "http://127.0.0.1:8080"));
        System.out.printf(Locale.ROOT, "%-70s %9s %9s %s%n", "request", "wire B", "bytes", "encoding, cache");
        String signIn = visit.page("/sign-in.xhtml");
        visit.total("sign-in page and what it links to");
        String home = visit.signIn(signIn);
        visit.resourcesOf(home);
        visit.total("then the learner home (signed in) and what it adds");
    }

    private String page(String path) throws Exception {
        String html = fetch(path, true);
        resourcesOf(html);
        return html;
    }

    private void resourcesOf(String html) throws Exception {
        Matcher linked = LINKED.matcher(html);
        while (linked.find()) {
            String address = linked.group(1).replace("&amp;", "&");
            if (cached.add(address)) {
                String body = fetch(address, false);
                if (address.contains(".css")) {
                    Matcher url = CSS_URL.matcher(body);
                    while (url.find()) {
                        String inner = url.group(1);
                        if (inner.startsWith("/") && cached.add(inner)) {
                            fetch(inner, false);
                        }
                    }
                }
            }
        }
    }

    private String signIn(String form) throws Exception {
        StringBuilder fields = new StringBuilder("signIn%3Aemail=learner%40demo.test&signIn%3Apassword=demo-password&signIn%3Asubmit=Sign+in");
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(form);
        while (hidden.find()) {
            fields.append('&').append(URLEncoder.encode(hidden.group(1), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(hidden.group(2).replace("&amp;", "&"), StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> sent = browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        count("POST /sign-in.xhtml -> " + sent.statusCode(), sent, sent.body().length);
        String home = sent.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("sign-in failed"));
        return fetch(home.startsWith("http") ? URI.create(home).getRawPath() : home, true);
    }

    private String fetch(String path, boolean page) throws Exception {
        HttpResponse<byte[]> answer = browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = answer.body();
        boolean gzip = "gzip".equals(answer.headers().firstValue("Content-Encoding").orElse(""));
        byte[] plain = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body;
        count((page ? "page " : "") + path, answer, plain.length);
        return new String(plain, StandardCharsets.UTF_8);
    }

    private void count(String what, HttpResponse<byte[]> answer, long plainBytes) {
        requests++;
        wire += answer.body().length;
        unpacked += plainBytes;
        String shown = what.length() > 70 ? what.substring(0, 67) + "..." : what;
        System.out.printf(Locale.ROOT, "%-70s %9d %9d %s, %s%n", shown, answer.body().length, plainBytes,
                answer.headers().firstValue("Content-Encoding").orElse("identity"),
                answer.headers().firstValue("Cache-Control").orElse("-"));
    }

    private void total(String label) {
        System.out.printf(Locale.ROOT, "== %s: %d requests, %,d bytes on the wire, %,d unpacked%n", label, requests, wire, unpacked);
    }
}

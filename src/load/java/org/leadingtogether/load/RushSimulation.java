package org.leadingtogether.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The Monday-morning rush: a cohort's learners arriving at once rather than signed in beforehand. Each learner of
 * the standard data set (a different one each, in turn) opens the sign-in page as a browser would, with its style
 * sheets, scripts and images (each virtual user has its own browser cache), signs in through the real form, lands on
 * their home, opens the catalogue, then five times a module and back to home with a pause for thought between pages,
 * and signs out.
 *
 * <p>Settings (system properties): {@code load.url} (http://127.0.0.1:8080), {@code load.learners} (1,000),
 * {@code load.ramp} (seconds over which they arrive, 60), {@code load.pause} (seconds of thought, 5). Every request
 * must succeed; any failure counts. Run with {@code mvn -Pload gatling:test -Dload.simulation=org.leadingtogether.load.RushSimulation}
 * and read the figures with {@code LoadReport} (README, Performance). What it gave on each machine it was run on, and
 * what was tried there, is in {@code src/load/MEASUREMENTS.md}; the README's "The Monday-morning rush" sums it up.
 */
public class RushSimulation extends Simulation {

    private static final String PASSWORD = "demo-password";
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));

    private final int learners = Integer.getInteger("load.learners", 1000);
    private final Duration ramp = Duration.ofSeconds(Integer.getInteger("load.ramp", 60));
    private final Duration think = Duration.ofMillis((long) (Double.parseDouble(System.getProperty("load.pause", "5")) * 1000));

    /** As a browser: it fetches what a page links to (and keeps what it may), and accepts compressed answers. */
    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("load.url", "http://127.0.0.1:8080"))
            .inferHtmlResources()
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptEncodingHeader("gzip, deflate")
            .acceptLanguageHeader("en-GB")
            .userAgentHeader("Leading Together rush test");

    /** Learners of the standard data set in turn from a random start, so nobody signs in twice. */
    private static Iterator<Map<String, Object>> learnersInTurn() {
        return Stream.generate(() -> Map.<String, Object>of("email",
                String.format("bench-learner-%05d@bench.test", NEXT.getAndIncrement() % 10_000))).iterator();
    }

    private ChainBuilder signIn() {
        return exec(http("sign-in page").get("/sign-in.xhtml")
                .check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"),
                        css("input[name='primefaces.nonce']", "value").optional().saveAs("nonce")))
                .pause(Duration.ofSeconds(2), Duration.ofSeconds(4))
                .exec(http("sign in").post("/sign-in.xhtml")
                        .formParam("signIn", "signIn")
                        .formParam("signIn:email", "#{email}")
                        .formParam("signIn:password", PASSWORD)
                        .formParam("signIn:next", "")
                        .formParam("signIn:submit", "Sign in")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam("primefaces.nonce", session -> session.contains("nonce") ? session.getString("nonce") : "")
                        .check(status().is(200), regex("Sign out").exists(),
                                regex("id=\"signOutForm\"[\\s\\S]*?name=\"token\" value=\"([^\"]+)\"").saveAs("signOutToken")));
    }

    private ScenarioBuilder learner() {
        return scenario("Learner arriving").feed(learnersInTurn())
                .exec(signIn()).pause(think)
                .exec(http("modules").get("/learner/catalogue.xhtml")
                        .check(status().is(200), regex("module\\.xhtml\\?id=([\\w-]+)").findAll().saveAs("modules")))
                .pause(think)
                .exec(repeat(5).on(
                        exec(session -> {
                            List<String> modules = session.getList("modules");
                            return session.set("module", modules.get(ThreadLocalRandom.current().nextInt(modules.size())));
                        })
                                .exec(http("module").get("/learner/module.xhtml?id=#{module}").check(status().is(200)))
                                .pause(think)
                                .exec(http("learner home").get("/learner/home.xhtml").check(status().is(200), regex("Sign out").exists()))
                                .pause(think)))
                .exec(http("sign out").post("/account/sign-out").formParam("token", "#{signOutToken}")
                        .check(status().is(200)));
    }

    {
        setUp(learner().injectOpen(rampUsers(learners).during(ramp)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}

package org.leadingtogether.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A realistic mix of traffic on the standard data set: learners (home, modules, a lesson, their coaching),
 * coaches (home, profile) and programme managers (home, a cohort dashboard, the programme report), each
 * signing in through the real form and carrying Faces view state and session cookies like a browser.
 *
 * <p>Settings (system properties): {@code load.url} (default http://127.0.0.1:8080), {@code load.learners}
 * (100), {@code load.coaches} (10), {@code load.managers} (5), {@code load.seconds} (180), {@code load.pause}
 * (seconds of thinking between pages, default 1). Every request must answer 200; any error counts.
 *
 * <p>Everyone signs in during the first {@link #RAMP} (a morning's sign-ins squeezed into seconds: each one
 * is a deliberately slow password hash) and waits; the work starts five seconds after the last sign-in, for
 * each person within one pause of the others. So the pages' figures are those of everyone working at once,
 * and the sign-ins' own figures are on their own lines.
 */
public class PortalSimulation extends Simulation {

    private static final String PASSWORD = "demo-password";
    private static final Duration RAMP = Duration.ofSeconds(20);
    /** When the first person began to sign in (epoch milliseconds), 0 before that. */
    private static final AtomicLong FIRST_SIGN_IN = new AtomicLong();

    private final int learners = Integer.getInteger("load.learners", 100);
    private final int coaches = Integer.getInteger("load.coaches", 10);
    private final int managers = Integer.getInteger("load.managers", 5);
    private final Duration length = Duration.ofSeconds(Integer.getInteger("load.seconds", 180));
    private final Duration think = Duration.ofMillis((long) (Double.parseDouble(System.getProperty("load.pause", "1")) * 1000));

    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("load.url", "http://127.0.0.1:8080"))
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("en-GB")
            .userAgentHeader("Leading Together load test");

    /** People of the standard data set, chosen at random: bench-learner-00042@bench.test and so on. */
    private static Iterator<Map<String, Object>> emails(String kind, int howMany) {
        return Stream.generate(() -> Map.<String, Object>of("email",
                String.format("bench-%s-%05d@bench.test", kind, ThreadLocalRandom.current().nextInt(howMany)))).iterator();
    }

    private static final ChainBuilder SIGN_IN = exec(session -> {
        FIRST_SIGN_IN.compareAndSet(0, System.currentTimeMillis());
        return session;
    }).exec(http("sign-in page").get("/sign-in.xhtml")
            .check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")))
            .exec(http("sign in").post("/sign-in.xhtml")
                    .formParam("signIn", "signIn")
                    .formParam("signIn:email", "#{email}")
                    .formParam("signIn:password", PASSWORD)
                    .formParam("signIn:next", "")
                    .formParam("signIn:submit", "Sign in")
                    .formParam("jakarta.faces.ViewState", "#{viewState}")
                    .check(status().is(200), regex("Sign out").exists()))
            .pause(session -> Duration.ofMillis(Math.max(0, FIRST_SIGN_IN.get() + RAMP.toMillis() + 5_000 - System.currentTimeMillis())));

    /** Signs in, waits for everyone, then a random part of one pause so that people do not all ask at the same instant. */
    private ChainBuilder signInAndWait() {
        return think.isZero() ? SIGN_IN : SIGN_IN.pause(Duration.ZERO, think);
    }

    private ScenarioBuilder learner() {
        return scenario("Learner").feed(emails("learner", 10_000)).exec(signInAndWait())
                .exec(during(length).on(
                        exec(http("learner home").get("/learner/home.xhtml").check(status().is(200))).pause(think)
                                .exec(http("modules").get("/learner/catalogue.xhtml").check(status().is(200))).pause(think)
                                .exec(http("lesson").get("/learner/lesson.xhtml?id=why-systems-leadership").check(status().is(200))).pause(think)
                                .exec(http("learner home").get("/learner/home.xhtml").check(status().is(200))).pause(think)
                                .exec(http("my coaching").get("/learner/coaching.xhtml").check(status().is(200))).pause(think)));
    }

    private ScenarioBuilder coach() {
        return scenario("Coach").feed(emails("coach", 250)).exec(signInAndWait())
                .exec(during(length).on(
                        exec(http("coach home").get("/coach/home.xhtml").check(status().is(200))).pause(think)
                                .exec(http("coach profile").get("/coach/profile.xhtml").check(status().is(200))).pause(think)));
    }

    private ScenarioBuilder manager() {
        return scenario("Programme manager").feed(emails("manager", 40)).exec(signInAndWait())
                .exec(http("manager home").get("/manager/home.xhtml").check(status().is(200),
                        regex("/manager/cohort\\.xhtml\\?id=(\\d+)").saveAs("cohort"),
                        regex("/manager/report\\.xhtml\\?id=(\\d+)").saveAs("programme")))
                .exec(during(length).on(
                        exec(http("manager home").get("/manager/home.xhtml").check(status().is(200))).pause(think)
                                .exec(http("cohort dashboard").get("/manager/cohort.xhtml?id=#{cohort}").check(status().is(200))).pause(think)
                                .exec(http("programme report").get("/manager/report.xhtml?id=#{programme}").check(status().is(200))).pause(think)
                                .exec(http("cohort coaching").get("/manager/coaching.xhtml?cohort=#{cohort}").check(status().is(200))).pause(think)));
    }

    {
        setUp(learner().injectOpen(rampUsers(learners).during(RAMP)),
                coach().injectOpen(rampUsers(coaches).during(RAMP)),
                manager().injectOpen(rampUsers(managers).during(RAMP)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}

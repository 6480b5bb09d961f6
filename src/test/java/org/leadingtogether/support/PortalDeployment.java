package org.leadingtogether.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The WAR under test: the very one the build produced (target/leading-together.war), so the tests run
 * what ships. Each {@code @Deployment} class starts its own Payara Micro (about 15 s), so tests are
 * grouped into few classes.
 */
public final class PortalDeployment {

    private PortalDeployment() {
    }

    public static WebArchive war() {
        String path = System.getProperty("portal.war");
        if (path == null) {
            throw new IllegalStateException("System property portal.war is not set: run the integration tests with 'mvn verify'.");
        }
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalStateException("The portal WAR " + file + " does not exist: run 'mvn verify', which builds it first.");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, file);
    }

    /**
     * The WAR for in-container tests: as shipped, plus the run-as beans and the descriptors that give
     * their {@code @RunAs} a principal (Payara needs one), plus the given test classes.
     */
    public static WebArchive inContainer(Class<?>... testClasses) {
        WebArchive war = war();
        war.delete("WEB-INF/payara-web.xml");
        return war.addAsWebInfResource("in-container/payara-web.xml", "payara-web.xml")
                .addAsWebInfResource("in-container/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addClasses(RunAsAdmin.class, RunAsLearner.class, RunAsManager.class, RunAsCoach.class, RunAsOtherCoach.class, TestLearner.class,
                        OneCohort.class)
                .addClasses(testClasses);
    }
}

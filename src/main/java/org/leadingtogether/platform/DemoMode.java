package org.leadingtogether.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * Whether this portal seeds demo data: {@code DEMO_DATA=true} or {@code false} decide; the default,
 * {@code auto}, seeds on the embedded database only, never on MariaDB. Each feature's demo seeder asks here.
 */
@ApplicationScoped
public class DemoMode {

    @Inject
    @ConfigProperty(name = "demo.data", defaultValue = "auto")
    private String setting;

    @Inject
    @ConfigProperty(name = "db.url")
    private String databaseUrl;

    public boolean isOn() {
        return wanted(setting, databaseUrl);
    }

    /** The rule, apart from configuration, so it can be tested alone. */
    public static boolean wanted(String setting, String databaseUrl) {
        String value = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1" -> true;
            case "auto", "" -> databaseUrl != null && databaseUrl.startsWith("jdbc:h2:");
            default -> false;
        };
    }
}

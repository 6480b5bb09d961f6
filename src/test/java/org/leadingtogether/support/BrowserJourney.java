package org.leadingtogether.support;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * What every browser journey shares: it runs as a client of the deployed portal, with a fresh Chromium
 * for each test. Subclasses declare their {@code @Deployment(testable = false)}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class BrowserJourney {

    @ArquillianResource
    protected URL base;

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(base);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}

package org.tipline.pages;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test class shares: one headless Chromium for the class (skipped where it is not installed;
 * {@code .ci/run} installs it and fails if browser tests were skipped) and the origin of the service under test.
 */
abstract class BrowserTest {

    @TestHTTPResource("/")
    URL base;

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(Browser.installed(),
                "Chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it");
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The service's origin, without a trailing slash: what the pages' URLs start with. */
    String origin() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

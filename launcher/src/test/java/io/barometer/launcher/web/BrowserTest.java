package io.barometer.launcher.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test of the pages in a real Chromium, against the stack every such test shares; skipped, not failed, on a
 * machine without Chromium and chromedriver (.ci/run installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    protected WebStack web;

    @BeforeAll
    void startTheStack() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed: browser tests skipped");
        web = WebStack.get();
    }
}

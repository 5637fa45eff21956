package io.barometer.launcher.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person at a browser: Debian's headless Chromium driven by its chromedriver. Fields are found by their
 * label and buttons by their text, as a person finds them; every wait is for something the page shows.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("barometer.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("barometer.chromedriver", "/usr/bin/chromedriver"));
    static final Path AXE = Path.of("src", "test", "js", "node_modules", "axe-core", "axe.min.js");

    final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(String base, boolean javascript) throws IOException {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine has no network beyond loopback: Chromium's background services are switched off.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,1000", "--lang=fr-FR",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr",
                "profile.managed_default_content_settings.javascript", javascript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20)) {
            @Override
            public <V> V until(java.util.function.Function<? super org.openqa.selenium.WebDriver, ? extends V> isTrue) {
                try {
                    return super.until(isTrue);
                } catch (org.openqa.selenium.TimeoutException e) {
                    // What the page showed when the wait gave up, for whoever reads the failure.
                    String name = "failed-" + System.nanoTime();
                    try {
                        screenshot(name);
                        Files.writeString(Path.of("target", "screenshots", name + ".html"), driver.getPageSource());
                    } catch (IOException | RuntimeException ignored) {
                        // the failure itself is what matters
                    }
                    throw new org.openqa.selenium.TimeoutException(e.getMessage() + " on " + path()
                            + " (page saved as target/screenshots/" + name + ".png)", e);
                }
            }
        };
        // A save replaces its section: an element found just before is looked for again, as a person would.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    Browser signIn(String username, String password) {
        field("Identifiant").clear();
        field("Identifiant").sendKeys(username);
        field("Mot de passe").sendKeys(password);
        WebElement submit = button("Se connecter");
        submit.click();
        // Until the answer replaced the sign-in page (the next one, or the form again with its message), a go()
        // would race the form's own redirect and could lose to it: the header's name made that answer slower.
        waiting().until(ExpectedConditions.stalenessOf(submit));
        return this;
    }

    /** The form control a label names (exactly, ignoring visually hidden parts the label may add). */
    WebElement field(String label) {
        return wait.until(d -> {
            for (WebElement l : d.findElements(By.tagName("label"))) {
                if (named(l, label)) {
                    return d.findElement(By.id(l.getAttribute("for")));
                }
            }
            return null;
        });
    }

    /**
     * Clicks the control a label names. A save may replace its section between finding and clicking, as it
     * may under a person's pointer: the control is found again and clicked.
     */
    void click(String label) {
        wait.until(d -> {
            field(label).click();
            return true;
        });
    }

    /** Chooses an option of the list whose label reads so in full (screen-reader words included). */
    void select(String fullLabel, String option) {
        wait.until(d -> {
            new org.openqa.selenium.support.ui.Select(fieldNamed(fullLabel)).selectByVisibleText(option);
            return true;
        });
    }

    /** Chooses an option of the list found by a CSS selector (for lists whose labels the test does not know). */
    void selectAt(String css, String option) {
        wait.until(d -> {
            new org.openqa.selenium.support.ui.Select(d.findElement(By.cssSelector(css))).selectByVisibleText(option);
            return true;
        });
    }

    void clickAt(String css) {
        wait.until(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** Clicks a choice inside the group whose legend reads so. */
    void click(String legend, String label) {
        wait.until(d -> {
            choice(legend, label).click();
            return true;
        });
    }

    /** The control whose label reads so in full, screen-reader words included ("État d’avancement — Wifi…"). */
    WebElement fieldNamed(String fullLabel) {
        return wait.until(d -> {
            for (WebElement l : d.findElements(By.tagName("label"))) {
                if (fullText(l).equals(fullLabel)) {
                    return d.findElement(By.id(l.getAttribute("for")));
                }
            }
            return null;
        });
    }

    /** The choice labelled so inside the group (fieldset) whose legend reads so. */
    WebElement choice(String legend, String label) {
        return wait.until(d -> {
            for (WebElement f : d.findElements(By.tagName("fieldset"))) {
                List<WebElement> legends = f.findElements(By.xpath("./legend"));
                if (!legends.isEmpty() && fullText(legends.get(0)).equals(legend)) {
                    for (WebElement l : f.findElements(By.tagName("label"))) {
                        if (named(l, label)) {
                            return d.findElement(By.id(l.getAttribute("for")));
                        }
                    }
                }
            }
            return null;
        });
    }

    /** The control a label names inside the element of that id, for a label repeated in several sections. */
    WebElement field(String label, String inside) {
        return wait.until(d -> {
            WebElement scope = d.findElement(By.id(inside));
            for (WebElement l : scope.findElements(By.tagName("label"))) {
                if (named(l, label)) {
                    return d.findElement(By.id(l.getAttribute("for")));
                }
            }
            return null;
        });
    }

    WebElement button(String text) {
        return wait.until(d -> d.findElements(By.tagName("button")).stream()
                .filter(b -> named(b, text) && b.isDisplayed()).findFirst().orElse(null));
    }

    WebElement button(String text, String inside) {
        return wait.until(d -> d.findElement(By.id(inside)).findElements(By.tagName("button")).stream()
                .filter(b -> named(b, text) && b.isDisplayed()).findFirst().orElse(null));
    }

    WebElement link(String text) {
        return wait.until(d -> d.findElements(By.tagName("a")).stream()
                .filter(a -> named(a, text) && a.isDisplayed()).findFirst().orElse(null));
    }

    /** The button whose whole text, screen-reader words included, reads so (for buttons repeated per row). */
    WebElement buttonNamed(String fullText) {
        return wait.until(d -> d.findElements(By.tagName("button")).stream()
                .filter(a -> fullText(a).equals(fullText)).findFirst().orElse(null));
    }

    /** The link whose whole text, screen-reader words included, reads so (for links repeated per row). */
    WebElement linkNamed(String fullText) {
        return wait.until(d -> d.findElements(By.tagName("a")).stream()
                .filter(a -> fullText(a).equals(fullText)).findFirst().orElse(null));
    }

    /** Waits until the element found by the CSS selector shows the text, and gives its whole text. */
    String waitFor(String css, String text) {
        return wait.until(d -> {
            try {
                String shown = d.findElement(By.cssSelector(css)).getText();
                return shown.contains(text) ? shown : null;
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                // A page still loading answers "node does not belong to the document": look again.
                return null;
            }
        });
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** Presses Tab until the focused element satisfies the test (at most 200 times), as a keyboard user does. */
    WebElement tabTo(java.util.function.Predicate<WebElement> target, String what) {
        for (int i = 0; i < 200; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (target.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + what);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** The label text of a focused control (its label element's visible text). */
    String labelOf(WebElement control) {
        String id = control.getAttribute("id");
        if (id == null || id.isEmpty()) {
            return visibleText(control);
        }
        List<WebElement> labels = driver.findElements(By.cssSelector("label[for='" + id + "']"));
        return labels.isEmpty() ? visibleText(control) : visibleText(labels.get(0));
    }

    /** axe-core's serious and critical violations on the page as it stands (an empty list is a pass). */
    List<String> accessibilityProblems() throws IOException {
        if (!Files.exists(AXE)) {
            throw new AssertionError("axe-core is not installed: run npm ci --prefix launcher/src/test/js (.ci/run does)");
        }
        JavascriptExecutor js = driver;
        js.executeScript(Files.readString(AXE));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])));
                """);
        List<String> problems = new ArrayList<>();
        for (JsonNode v : new ObjectMapper().readTree(result.toString())) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                problems.add(path() + ": " + v.path("id").asText() + " (" + impact + ") " + v.path("help").asText()
                        + " " + targets);
            }
        }
        return problems;
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    WebDriverWait waiting() {
        return wait;
    }

    /**
     * A figure's table as the page holds it, read in one go: each row's label, then each cell's figure as the
     * API gave it (its {@code data-value}).
     */
    @SuppressWarnings("unchecked")
    List<List<String>> figureRows(String figure) {
        return wait.until(d -> {
            Object rows = driver.executeScript("""
                    return Array.from(document.querySelectorAll('table[data-figure="' + arguments[0] + '"] tbody tr'))
                        .map(tr => [tr.querySelector('th').textContent.trim()]
                            .concat(Array.from(tr.querySelectorAll('td')).map(td => td.dataset.value)));""", figure);
            return rows instanceof List<?> list && !list.isEmpty() ? (List<List<String>>) rows : null;
        });
    }

    /** A figure's table by row label, for tables whose labels are each on one row. */
    Map<String, List<String>> figure(String figure) {
        Map<String, List<String>> byLabel = new java.util.LinkedHashMap<>();
        for (List<String> row : figureRows(figure)) {
            byLabel.put(row.get(0), row.subList(1, row.size()));
        }
        return byLabel;
    }

    private static String visibleText(WebElement e) {
        return e.getText().strip();
    }

    /**
     * Whether an element reads so to a sighted person: its words for screen readers come after " — " in a
     * visually hidden span, which WebDriver may or may not count as shown.
     */
    private static boolean named(WebElement e, String text) {
        String shown = visibleText(e).replaceAll("\\s+", " ");
        return shown.equals(text) || shown.startsWith(text + " —") || shown.startsWith(text + "—");
    }

    private static String fullText(WebElement e) {
        return e.getAttribute("textContent").replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

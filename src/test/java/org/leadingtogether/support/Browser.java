package org.leadingtogether.support;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Chromium for the browser journeys, with the two checks every visited page gets: an axe-core scan
 * against WCAG 2.2 A and AA (any violation fails the test, listed with the elements at fault) and
 * screenshots at desktop and phone widths under target/screenshots.
 *
 * <p>Uses Debian's chromium and chromedriver at fixed paths and never downloads a browser. If they are
 * missing the test fails and says how to install them: a browser test that cannot run is not skipped.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final AxeRunOptions AXE_OPTIONS = axeOptions();
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    private final WebDriver driver;
    private final URL base;
    private final Path userData;

    private Browser(WebDriver driver, URL base, Path userData) {
        this.driver = driver;
        this.base = base;
        this.userData = userData;
    }

    public static Browser open(URL base) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("Browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with 'apt-get install -y chromium chromium-driver' (.ci/run does).");
        }
        try {
            Path userData = Files.createTempDirectory("lt-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--lang=en-GB",
                    "--user-data-dir=" + userData);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(DESKTOP);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, base, userData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the portal, e.g. {@code /sign-in.xhtml}. */
    public Browser go(String path) {
        driver.get(url(path));
        return this;
    }

    public String url(String path) {
        String root = base.toExternalForm().replaceAll("/$", "");
        return root + path;
    }

    /** The path of the current page, without host and context root. */
    public String path() {
        String root = base.toExternalForm().replaceAll("/$", "");
        String current = driver.getCurrentUrl();
        return current.startsWith(root) ? current.substring(root.length()) : current;
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    public String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    public String heading() {
        return text("h1");
    }

    public boolean present(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    public Browser type(String id, String value) {
        WebElement field = find(id);
        field.clear();
        if (value != null) {
            field.sendKeys(value);
        }
        return this;
    }

    /**
     * Sets a field's value by script, as a date, time or date-time picker would: typing into such inputs depends
     * on the browser's locale and its own widgets.
     */
    public Browser setValue(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(id), value);
        return this;
    }

    public Browser click(String id) {
        find(id).click();
        return this;
    }

    /** Clicks a button that submits its form and waits until the next page has loaded. */
    public Browser submit(String id) {
        return submit(By.id(id));
    }

    /** Clicks the button {@code button} finds (one without a fixed id, in a list) and waits for the next page. */
    public Browser submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(page));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.tagName("main")).isEmpty());
        return this;
    }

    /** Clicks a button that updates part of the page in place, and waits until {@code selector} shows {@code text}. */
    public Browser clickAndWaitFor(String id, String selector, String text) {
        find(id).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                return d.findElement(By.cssSelector(selector)).getText().contains(text);
            } catch (org.openqa.selenium.WebDriverException notYet) {
                return false;
            }
        });
        return this;
    }

    /** Whether an element belongs to a page that has been replaced. Chromium may say so in two ways. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return true;
        } catch (org.openqa.selenium.WebDriverException replacedWhileAsked) {
            return String.valueOf(replacedWhileAsked.getMessage()).contains("does not belong to the document");
        }
    }

    public Browser signIn(String email, String password) {
        go("/sign-in.xhtml");
        type("signIn:email", email).type("signIn:password", password).submit("signIn:submit");
        return this;
    }

    public Browser signOut() {
        submit("signOut");
        waitForPath("/sign-in.xhtml?signedOut=true");
        return this;
    }

    /** Waits (up to 10 s) until the browser is on a page whose path starts with {@code prefix}. */
    public Browser waitForPath(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().startsWith(prefix));
        return this;
    }

    /**
     * A GET of {@code path} (or a whole address) with every cookie this browser holds, as following a download link
     * would send them: with a distributable portal Payara pairs the session cookie with JSESSIONIDVERSION, and a
     * request with JSESSIONID alone sometimes finds no session. Redirects are not followed.
     */
    public java.net.http.HttpResponse<byte[]> download(String path) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(path.startsWith("http") ? path : url(path))).GET();
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String sessionId() {
        var cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * Scans the current page with axe-core (WCAG 2.2 A/AA) and takes desktop and phone screenshots named
     * {@code name}. Fails, listing each rule and element, if there is any violation at either width.
     */
    public Browser check(String name) {
        screenshot(name + "-desktop");
        List<Rule> violations = new java.util.ArrayList<>(axe().getViolations());
        driver.manage().window().setSize(PHONE);
        try {
            screenshot(name + "-phone");
            violations.addAll(axe().getViolations());
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
        if (!violations.isEmpty()) {
            fail("Accessibility violations on " + name + " (" + driver.getCurrentUrl() + "):\n" + describe(violations));
        }
        return this;
    }

    /** Photographs a page that is not the portal's (an identity provider's own sign-in page) without scanning it. */
    public Browser photograph(String name) {
        screenshot(name + "-desktop");
        return this;
    }

    /**
     * One axe-core scan of the page as it stands. In axe's legacy mode: the scan runs in the page itself, where the
     * default mode opens a blank window beside it, loads axe a second time there to put the results together and
     * closes it again, which doubles a scan's cost. The portal's pages hold no frames, so both modes check the same,
     * and frames are not looked for.
     */
    private Results axe() {
        return new AxeBuilder().withOptions(AXE_OPTIONS).setLegacyMode(true).disableIframeTesting().analyze(driver);
    }

    /**
     * The rules of {@link #WCAG_TAGS}, every element that breaks one reported in full, and of what passed or could
     * not be decided one element each: a scan spends much of its time describing each element it reports, and only
     * violations fail a check (a tenth less time a scan, measured on 18 pages).
     */
    private static AxeRunOptions axeOptions() {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(WCAG_TAGS);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        return options;
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + "\n"
                + rule.getNodes().stream().map(CheckedNode::getHtml).map(html -> "    " + html)
                .collect(Collectors.joining("\n"))).collect(Collectors.joining("\n"));
    }

    private void screenshot(String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code look} with the window at a phone's width (charts given time to redraw), then back at desktop width. */
    public <T> T atPhoneWidth(java.util.function.Supplier<T> look) {
        driver.manage().window().setSize(PHONE);
        try {
            Thread.sleep(800);
            return look.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
    }

    /** Photographs one part of the page ({@code cssSelector}) at a phone's width, as {@code name}-phone-part.png, to look at. */
    public Browser photographPartAtPhoneWidth(String name, String cssSelector) {
        atPhoneWidth(() -> {
            WebElement part = driver.findElement(By.cssSelector(cssSelector));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", part);
            try {
                Thread.sleep(300);
                Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
                Files.createDirectories(dir);
                Files.copy(part.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + "-phone-part.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        return this;
    }

    /** How many pixels the page is wider than the window (0 when nothing sticks out sideways). */
    public long overflowSideways() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);")).longValue();
    }

    /**
     * What is wrong with how the Chart.js chart on {@code canvasSelector} draws its labels, as Chart.js laid them out
     * (empty when nothing): a radar's axis names cut at the canvas's edge, or a bar chart's labels skipped or wider
     * than the room left for them.
     */
    public String chartLabelProblems(String canvasSelector) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const c = window.Chart && Chart.getChart(document.querySelector(arguments[0]));
                if (!c) return 'no chart on ' + arguments[0];
                const problems = [];
                if (c.config.type === 'radar') {
                  const items = c.scales.r._pointLabelItems || [];
                  if (items.length !== c.data.labels.length) problems.push(items.length + ' axis names of ' + c.data.labels.length);
                  items.forEach((i, n) => { if (i.left < 0 || i.right > c.width || i.top < 0 || i.bottom > c.height)
                      problems.push('axis name ' + n + ' cut: ' + Math.round(i.left) + '..' + Math.round(i.right) + ' in ' + c.width); });
                } else {
                  const y = c.scales.y;
                  if (y.ticks.length !== c.data.labels.length) problems.push(y.ticks.length + ' labels drawn of ' + c.data.labels.length);
                  if (y._labelSizes && y._labelSizes.widest.width > y.width)
                      problems.push('widest label ' + Math.round(y._labelSizes.widest.width) + ' px in ' + Math.round(y.width) + ' px');
                }
                return problems.join('; ');""", canvasSelector));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(userData)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /** Photographs the page as it is now, at the window's present size (a phone's, or a menu just opened), without scanning it. */
    public Browser snapshot(String name) {
        screenshot(name);
        return this;
    }

    /** Makes the window a phone's width (390 by 844), as {@link #check} does for its second look. */
    public Browser phoneWidth() {
        driver.manage().window().setSize(PHONE);
        return this;
    }

    /** Makes the window a desktop's again. */
    public Browser desktopWidth() {
        driver.manage().window().setSize(DESKTOP);
        return this;
    }
}

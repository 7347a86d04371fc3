package io.crmsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's, through its ChromeDriver: nothing is downloaded) showing the console at 1280 px wide,
 * with the checks every page must pass: no horizontal scrolling, nothing loaded from another origin. Where Chromium
 * is not installed, the tests using it are skipped with the command that installs it; on CI they fail instead, since
 * .ci/run installs it.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final int WIDTH = 1280;
    private static final Path CHROMIUM = Path.of(System.getProperty("crmsync.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("crmsync.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("crmsync.screenshots", "target/console-screenshots"));

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;
    final WebDriverWait wait;

    private ConsoleBrowser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(200));
    }

    /** Skips the calling test, saying how to install Chromium, when it is not installed (fails on CI instead). */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "The console's browser tests need Chromium and its ChromeDriver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "), which are not installed. Install them with 'sudo apt-get install chromium "
                + "chromium-driver' (Debian/Ubuntu), or point -Dcrmsync.chromium and -Dcrmsync.chromedriver at yours.";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " CI installs them in .ci/run, so there they must be present.");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    static ConsoleBrowser open(String baseUrl) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("console-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",900",
                    "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            return new ConsoleBrowser(new ChromeDriver(service, options), baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(baseUrl + path);
        waitForPage();
    }

    /** The console has started when its navigation shows. */
    void waitForPage() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav[aria-label='Main']")));
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void gone(By by) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /** A button or link by its visible text. */
    static By text(String tag, String text) {
        return By.xpath("//" + tag + "[normalize-space()=" + literal(text) + "]");
    }

    /** The form control a label names (labels are tied to their controls with for=). */
    WebElement byLabel(String label) {
        WebElement l = find(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
        return driver.findElement(By.id(l.getAttribute("for")));
    }

    void choose(WebElement select, String visibleText) {
        new Select(select).selectByVisibleText(visibleText);
    }

    void chooseValue(WebElement select, String value) {
        new Select(select).selectByValue(value);
    }

    /** Presses Tab until the focused element passes {@code focused} (at most 40 times). */
    WebElement tabTo(Predicate<WebElement> focused, String what) {
        for (int i = 0; i < 40; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            if (focused.test(active)) {
                return active;
            }
        }
        throw new AssertionError("Tab never reached " + what);
    }

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /**
     * Checks what every page must hold to, then saves the whole page (the window stretched to its height) as
     * target/console-screenshots/{name}.png.
     */
    Path screenshot(String name) {
        assertFitsTheWindow();
        assertLoadedOnlyFromItsOwnOrigin();
        // a figure for the record, not a check: timings belong in benchmarks
        System.out.printf("console page %s: loaded in %s ms, %s bytes transferred%n", name,
                js("const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd - n.startTime)"),
                js("return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))"
                        + ".reduce((a, e) => a + (e.transferSize || 0), 0)"));
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height + 100, 900), 6000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** No horizontal scrolling at 1280 px. */
    void assertFitsTheWindow() {
        long scrollWidth = (Long) js("return document.documentElement.scrollWidth");
        long viewport = (Long) js("return document.documentElement.clientWidth");
        assertThat(scrollWidth).as("page width at %d px (no horizontal scrolling)", WIDTH).isLessThanOrEqualTo(viewport);
    }

    /** Every script, style, image and API call came from the console's own origin: no CDN. */
    @SuppressWarnings("unchecked")
    void assertLoadedOnlyFromItsOwnOrigin() {
        List<String> loaded = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(baseUrl + "/"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    private static String literal(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    }
}

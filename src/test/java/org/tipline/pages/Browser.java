package org.tipline.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver: nothing is downloaded. Keeps the
 * browser's network log so that tests can list every URL the pages asked for.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension LAPTOP = new Dimension(1366, 900);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final ChromeDriver driver;
    final WebDriverWait wait;
    private final List<String> requestedUrls = new ArrayList<>();
    private final List<String> sentRequests = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Saves the page at phone and at laptop width under target/screenshots, then returns to laptop width. */
    void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (var size : List.of(PHONE, LAPTOP)) {
                driver.manage().window().setSize(size);
                // A full-page image: the window grows to the document's height for the shot.
                long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
                driver.manage().window().setSize(new Dimension(size.width, (int) Math.max(size.height, Math.min(height, 6000))));
                script("window.scrollTo(0, 0)");
                File shot = driver.getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + (size == PHONE ? "phone" : "laptop") + ".png"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            driver.manage().window().setSize(LAPTOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every URL the browser requested so far (from Chromium's performance log). */
    List<String> requestedUrls() {
        drainLogs();
        return List.copyOf(requestedUrls);
    }

    /**
     * Every request the pages sent so far, each as Chromium's DevTools record of it (URL, headers, body where it has
     * one), as JSON text: what a network that logs decrypted traffic would see.
     */
    List<String> sentRequests() {
        drainLogs();
        return List.copyOf(sentRequests);
    }

    /** Console errors so far, e.g. a Content-Security-Policy violation or a failed script. */
    List<String> consoleErrors() {
        drainLogs();
        return List.copyOf(consoleErrors);
    }

    private void drainLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                if ("Network.requestWillBeSent".equals(method)) {
                    requestedUrls.add(message.path("params").path("request").path("url").asText());
                }
                // Everything the page put on the wire: URL, headers (also those added late) and body.
                if (method.startsWith("Network.requestWillBeSent")) {
                    sentRequests.add(message.path("params").toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

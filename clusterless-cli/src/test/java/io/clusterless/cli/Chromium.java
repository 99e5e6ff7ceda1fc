package io.clusterless.cli;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Headless Chromium for the status page tests (Debian's chromium and chromium-driver; CI installs them): where they
 * are absent the calling tests skip with one notice, or fail when {@code CLS_REQUIRE_BROWSER=true}.
 */
final class Chromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String notice = "status page browser tests skipped: install Debian's chromium and chromium-driver to run them";
        if (!installed && Boolean.parseBoolean(System.getenv("CLS_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(notice + "; CLS_REQUIRE_BROWSER=true requires them");
        }
        Assumptions.assumeTrue(installed, notice);
    }

    /** A browser that fetches nothing on its own and keeps the console's messages, its profile under {@code dir}. */
    static ChromeDriver start(Path dir) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1400,1000", "--user-data-dir=" + dir.resolve("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}

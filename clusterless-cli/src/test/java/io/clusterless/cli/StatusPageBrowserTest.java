package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page as a person sees it, in headless Chromium (Debian's chromium and chromium-driver; CI installs
 * them): a pipeline run locally with one arc failing on every lot, written by cls report and opened from the file.
 */
class StatusPageBrowserTest {
    private static final String BUCKET = "dev-cls-page-check-123456789012-us-west-2";

    @TempDir
    static Path dir;
    static Path project;
    static Path page;
    static ChromeDriver browser;

    @BeforeAll
    static void runAPipelineWithAFailingArc_andOpenItsPage() throws Exception {
        Chromium.assumeInstalled();
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM busybox\n");
        project = dir.resolve("project.json");
        Files.writeString(project, """
                {
                  "project": { "name": "PageCheck", "version": "20230101-00" },
                  "placement": { "provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2" },
                  "resources": [
                    { "type": "aws:core:s3Bucket", "name": "bucket", "bucketName": "%1$s" },
                    { "type": "aws:core:computeEnvironment", "name": "compute", "computeEnvironmentName": "pageCompute" }
                  ],
                  "boundaries": [ { "type": "aws:core:s3PutListenerBoundary", "name": "ingress",
                      "eventArrival": "frequent", "lotUnit": "Twelfths",
                      "dataset": { "name": "page-ingress", "version": "1", "pathURI": "s3://%1$s/ingress/",
                                   "freshness": { "warnAfter": "PT3H", "errorAfter": "PT6H" } } } ],
                  "arcs": [
                    { "type": "aws:core:s3CopyArc", "name": "copyA",
                      "sources": { "main": { "name": "page-ingress", "version": "1" } },
                      "sinks": { "main": { "name": "page-a", "version": "1", "pathURI": "s3://%1$s/a/" } } },
                    { "type": "aws:core:batchExecArc", "name": "breaks",
                      "sources": { "main": { "name": "page-a", "version": "1" } },
                      "sinks": { "main": { "name": "page-b", "version": "1", "pathURI": "s3://%1$s/b/",
                                             "freshness": { "errorAfter": "PT1H" } } },
                      "workload": { "computeEnvironmentRef": "compute", "imagePath": "app",
                                    "command": ["sh", "-c", "echo the input is broken >&2; exit 3"] } }
                  ]
                }
                """.formatted(BUCKET));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("one.csv"), "a,b\n1,2\n");
        Cls.Result run = Cls.run("local", "run", project.toString(), "--local-root", dir.resolve("root").toString(),
                "--until-idle", "--put", data + "=s3://" + BUCKET + "/ingress/");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1); // the failing arc
        page = dir.resolve("status.html");
        Cls.Result report = Cls.run("report", project.toString(), "-P", "local", "--local-root",
                dir.resolve("root").toString(), "--earliest", "3h", "--html", page.toString());
        assertThat(report.exitCode()).as(report.toString()).isZero();

        browser = Chromium.start(dir);
        browser.get(page.toUri().toString());
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyDatasetIsThere_withOneCellPerLotOfTheWindow() {
        List<WebElement> rows = browser.findElements(By.cssSelector("#heatmap .row"));

        assertThat(rows).extracting(row -> row.getAttribute("data-dataset"))
                .containsExactly("page-ingress/1", "page-a/1", "page-b/1");
        // three hours of five-minute lots
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getAttribute("data-lots")).isEqualTo("36");
            assertThat(row.getAttribute("data-cells")).isEqualTo("36");
        });
        assertThat(browser.findElements(By.cssSelector("#lineage g.node"))).hasSize(6);
    }

    @Test
    void theFreshnessTable_showsEachDatasetsTargetAndLevel_anErrorInRed() {
        WebElement ingress = browser.findElement(By.cssSelector("#freshness tr[data-dataset='page-ingress/1']"));
        WebElement broken = browser.findElement(By.cssSelector("#freshness tr[data-dataset='page-b/1']"));
        WebElement untargeted = browser.findElement(By.cssSelector("#freshness tr[data-dataset='page-a/1']"));

        assertThat(ingress.getText()).contains("warn after PT3H, error after PT6H");
        assertThat(ingress.findElement(By.cssSelector("td.level")).getAttribute("data-level")).isEqualTo("ok");
        WebElement level = broken.findElement(By.cssSelector("td.level"));
        assertThat(level.getText()).isEqualTo("error");
        assertThat(level.getCssValue("color")).isEqualTo("rgba(176, 0, 32, 1)");
        assertThat(untargeted.findElement(By.cssSelector("td.level")).getAttribute("data-level")).isNull();
        assertThat(untargeted.getText()).contains("none");
    }

    @Test
    void aFailedLot_isRed_andItsHoverTextNamesTheLotAndTheError() throws Exception {
        int failed = failedLotIndex();

        String colour = (String) browser.executeScript(
                "return window.clsStatus.colourAt('page-b/1', arguments[0])", failed);
        assertThat(colour).isEqualTo("rgb(220, 53, 69)");

        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) browser.executeScript(
                "return window.clsStatus.pointAt('page-b/1', arguments[0])", failed);
        new Actions(browser).moveToLocation(((Number) point.get("x")).intValue(), ((Number) point.get("y")).intValue())
                .perform();
        WebElement tooltip = browser.findElement(By.id("tooltip"));
        assertThat(tooltip.isDisplayed()).isTrue();
        assertThat(tooltip.getText()).contains("page-b/1").containsPattern("\\d{8}PT5M\\d{3}")
                .contains("UTC").contains("failed").contains("exited with 3");

        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "status-page.png");
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void eachArcsRecentRuns_showTheirDurationAttemptsAndFailures() throws Exception {
        String lot = browser.findElement(By.cssSelector("#arcs tr[data-arc='arc:PageCheck/20230101-00/breaks'] "
                + ".run")).getAttribute("data-lot");
        WebElement failing = browser.findElement(By.cssSelector(
                "#arcs tr[data-arc='arc:PageCheck/20230101-00/breaks'] .run[data-lot='" + lot + "']"));
        WebElement copying = browser.findElement(By.cssSelector("#arcs tr[data-arc='arc:PageCheck/20230101-00/copyA'] "
                + ".run"));

        assertThat(failing.getAttribute("data-attempts")).isEqualTo("1");
        assertThat(failing.getAttribute("data-failures")).isEqualTo("1");
        assertThat(Double.parseDouble(failing.getAttribute("data-seconds"))).isNotNegative();
        assertThat(failing.getText()).contains(lot).containsPattern("\\d+\\.\\d s").contains("1 attempt")
                .contains("1 failure");
        assertThat(copying.getText()).contains("complete").contains("1 attempt").contains("0 failures");
        assertThat(copying.getAttribute("data-failures")).isEqualTo("0");
    }

    @Test
    void nothingLeavesTheMachine_andNothingFails() {
        Object requests = browser.executeScript("return performance.getEntriesByType('resource').length");
        assertThat(((Number) requests).intValue()).isZero();
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).isEmpty();
    }

    /** The lot of page-b the failing arc ran: the one copyA wrote. */
    private static int failedLotIndex() throws Exception {
        Cls.Result gaps = Cls.run("--output", "json", "gaps", project.toString(), "-P", "local", "--local-root",
                dir.resolve("root").toString(), "--earliest", "3h", "--arc", "breaks");
        JsonNode failed = null;
        for (JsonNode gap : Json.records().readTree(gaps.out())) {
            if (gap.path("cause").asText().equals("failed")) {
                failed = gap;
            }
        }
        assertThat(failed).as(gaps.toString()).isNotNull();
        String lot = failed.path("lot").asText();
        String first = browser.findElement(By.cssSelector("#heatmap .row[data-dataset='page-b/1']"))
                .getAttribute("data-first-lot");
        return (int) new LotRange(LotId.parse(first), LotId.parse(lot)).size();
    }

    @Test
    void clsUi_servesTheSamePageLive_onLoopbackOnly() throws Exception {
        Cls.Result remote = Cls.run("ui", project.toString(), "-P", "local", "--bind", "0.0.0.0");
        assertThat(remote.exitCode()).as(remote.toString()).isEqualTo(1);
        assertThat(remote.err()).contains("--allow-remote");

        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "ui", project.toString(), "-P", "local",
                "--local-root", dir.resolve("root").toString(), "--earliest", "3h", "--port", "0"));
        Process ui = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(ui.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("cls ui's first line").startsWith("serving the status page on http://127.0.0.1:");
            String url = line.substring(line.indexOf("http://"), line.indexOf(" (Ctrl-C"));
            browser.get(url);
            assertThat(browser.findElements(By.cssSelector("#heatmap .row"))).hasSize(3);
            assertThat(browser.getTitle()).isEqualTo("clusterless status: the project files");
        } finally {
            ui.destroy();
            ui.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            browser.get(page.toUri().toString());
        }
    }
}

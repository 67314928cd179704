package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchlane.Required;

/**
 * The pull request pages of the demo in Debian's Chromium: from the header to /pulls, a clean and an unclean request
 * with their evidence, then the for-next page and its conflict; hostile mail stays text.
 */
class PullsBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static DemoPulls demo;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Required.that(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver");
        demo = new DemoPulls(dir.resolve("demo"));
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium")));
        browser = new ChromeDriver(options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (demo != null) demo.close();
    }

    @Test
    void openThePullRequestsThenTheForNext() {
        browser.get(demo.base + "/");
        browser.findElement(By.linkText("Pull requests")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.pull")));
        assertTrue(browser.getCurrentUrl().endsWith("/pulls"), browser.getCurrentUrl());

        WebElement clean = section(DemoPulls.MLX5);
        assertTrue(clean.getAttribute("class").contains("pull-clean"));
        assertEquals("clean", clean.findElement(By.cssSelector("h2 .verdict")).getText());
        assertEquals("pass", verdict(clean, "pr-merge"));
        assertTrue(evidence(clean, "pr-base").startsWith("base 7c14d07f624a (Linux 6.20-rc4) is in linux refs/heads/master"),
                evidence(clean, "pr-base"));

        WebElement unclean = section(DemoPulls.HNS3);
        assertEquals("unclean", unclean.findElement(By.cssSelector("h2 .verdict")).getText());
        assertEquals("fail", verdict(unclean, "pr-cutoff"));
        assertEquals("posted 2026-11-30, after v6.20-rc6 (2026-11-29), the cut-off for the next merge window",
                evidence(unclean, "pr-cutoff"));
        assertEquals("fail", verdict(unclean, "pr-head"));

        // hostile subject and sender: shown as text, never run
        WebElement hostile = section(DemoPulls.HOSTILE_SUBJECT);
        assertTrue(hostile.findElement(By.cssSelector("p.meta")).getText().startsWith(DemoPulls.HOSTILE_NAME),
                hostile.getText());
        assertNull(browser.executeScript("return window.__pwned === undefined ? null : window.__pwned"));

        // the thread link of a request opens its thread
        clean.findElement(By.linkText("thread")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.thread")));
        browser.navigate().back();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("The volatile for-next"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.conflict")));
        List<WebElement> cells = browser.findElement(By.cssSelector("tr.conflict")).findElements(By.tagName("td"));
        assertEquals(DemoPulls.HNS3, cells.get(0).getText());
        assertEquals(DemoPulls.HNS, cells.get(1).getText());
        assertEquals("drivers/infiniband/hw/hns/hns_roce_main.c", cells.get(2).getText());
        assertEquals(4, browser.findElements(By.cssSelector("ol.merged li")).size());
        assertEquals(DemoPulls.MLX5, browser.findElements(By.cssSelector("ol.merged li")).get(0).getText());
    }

    private static WebElement section(String subject) {
        for (WebElement s : browser.findElements(By.cssSelector("section.pull")))
            if (s.findElement(By.cssSelector("h2 a.subject")).getText().equals(subject)) return s;
        throw new AssertionError("no request " + subject);
    }

    private static String verdict(WebElement pull, String check) {
        return pull.findElement(By.cssSelector("tr.check-" + check + " .verdict")).getText();
    }

    private static String evidence(WebElement pull, String check) {
        return pull.findElement(By.cssSelector("tr.check-" + check + " ul.evidence li")).getText();
    }
}

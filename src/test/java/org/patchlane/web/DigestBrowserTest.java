package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchlane.Required;
import org.patchlane.digest.DigestFixture;

/** The digest page in Debian's Chromium: it renders, its charts draw, its week links resolve, hostile text is inert. */
class DigestBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static ServedArchive served;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Required.that(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver");
        served = DigestWebTest.serve(dir.resolve("archive"), Instant.parse("2026-11-25T09:00:00Z"));
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium")));
        browser = new ChromeDriver(options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (served != null) served.close();
    }

    private static String week() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.digest")))
                .getAttribute("data-week");
    }

    @Test
    void theWeekRendersWithItsCharts() throws Exception {
        browser.get(served.base + "/digest/2026-W47");
        assertEquals("2026-W47", week());
        assertEquals("Patchlane digest: all lists 2026-W47", browser.findElement(By.cssSelector("article h1")).getText());
        for (String id : new String[] {"digest-activity", "digest-review"}) {
            WebElement svg = browser.findElement(By.id(id));
            assertTrue(svg.isDisplayed());
            assertTrue(svg.getSize().getWidth() > 250 && svg.getSize().getHeight() > 80, id + " is drawn: " + svg.getSize());
        }
        assertEquals(18L, browser.executeScript(
                "return document.querySelectorAll('#digest-activity rect.bar').length"));
        assertTrue(((Number) browser.executeScript("return Math.max(...Array.from(document.querySelectorAll("
                + "'#digest-activity rect.bar')).map(r => r.getBoundingClientRect().height))")).doubleValue() > 20,
                "the bars have height on screen");
        assertEquals(3L, browser.executeScript("return new Set(Array.from(document.querySelectorAll("
                + "'#digest-activity rect.bar')).map(r => getComputedStyle(r).fill)).size"),
                "series, versions and acks each in their own colour");
        screenshot("/tmp/patchlane-digest.png");
    }

    @Test
    void previousAndNextLinksResolve() {
        browser.get(served.base + "/digest");
        assertEquals("2026-W47", week());
        assertTrue(browser.findElements(By.cssSelector("a.digest-next")).isEmpty(), "week 48 has not ended");
        browser.findElement(By.cssSelector("a.digest-prev")).click();
        wait.until(ExpectedConditions.urlContains("/digest/2026-W46"));
        assertEquals("2026-W46", week());
        browser.findElement(By.cssSelector("a.digest-next")).click();
        wait.until(ExpectedConditions.urlContains("/digest/2026-W47"));
        assertEquals("2026-W47", week());
        new Select(browser.findElement(By.name("list"))).selectByValue("linux-rdma");
        browser.findElement(By.cssSelector("form.digest-list button")).click();
        wait.until(ExpectedConditions.urlContains("list=linux-rdma"));
        assertEquals("Patchlane digest: linux-rdma 2026-W47", browser.findElement(By.cssSelector("article h1")).getText());
        browser.findElement(By.cssSelector("a.digest-prev")).click();
        wait.until(ExpectedConditions.urlContains("/digest/2026-W46?list=linux-rdma"));
        String series = browser.findElement(By.cssSelector("a.digest-series")).getAttribute("href");
        assertEquals(served.base + "/series/8d107a81e5c7", series, "a line links its series page on this site");
    }

    @Test
    void hostileMailTextStaysInert() {
        browser.get(served.base + "/digest/2026-W47");
        week();
        assertNull(browser.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)"));
        assertEquals(0L, browser.executeScript("""
                return Array.from(document.querySelectorAll('[href],[src],[action]')).filter(e =>
                  ['href', 'src', 'action'].some(a => (e.getAttribute(a) || '').trim().toLowerCase().startsWith('javascript:'))).length"""));
        assertTrue(browser.findElements(By.cssSelector("main script, main img")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("article.digest")).getText().contains(DigestFixture.HOSTILE),
                "the hostile text shows as text");
    }

    @Test
    void fitsAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(served.base + "/digest/2026-W47");
            week();
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "no sideways scrolling at phone width");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void screenshot(String path) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of(path), StandardCopyOption.REPLACE_EXISTING);
    }
}

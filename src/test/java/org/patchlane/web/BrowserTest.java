package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchlane.Required;

/** The site in Debian's Chromium: search from the front page, follow a hit, read the message page. */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static TinyArchive archive;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Required.that(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver");
        archive = new TinyArchive(dir.resolve("archive"));
        // Explicit paths, or Selenium Manager goes to the network for a driver.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium")));
        browser = new ChromeDriver(options);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (archive != null) archive.close();
    }

    @Test
    void searchThenReadTheMessage() throws Exception {
        browser.get(archive.base + "/");
        screenshot("/tmp/patchlane-home.png");
        WebElement box = browser.findElement(By.id("home-q"));
        box.sendKeys("teardown");
        box.submit();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hit mark")));

        assertEquals("teardown", browser.findElement(By.cssSelector(".hit mark")).getText());
        WebElement subject = browser.findElement(By.cssSelector(".hit a.subject"));
        assertEquals("[PATCH rdma-next v2 1/2] RDMA/mlx5: keep <script>alert(1)</script> aux lifetime", subject.getText());
        subject.click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.trailers")));
        assertTrue(browser.getCurrentUrl().endsWith(Links.message("linux-rdma", TinyArchive.PATCH_ID)));
        List<String> rows = browser.findElements(By.cssSelector("table.trailers tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Reviewed-by Mark Bloch <mbloch@example.org> in this message",
                "Signed-off-by Leon Romanovsky <leon@example.org> in this message"), rows);
        // The <script> of the subject is text on the page, never an element.
        assertTrue(browser.findElement(By.cssSelector("h1.msg-subject")).getText().contains("<script>alert(1)</script>"));
        assertTrue(browser.findElements(By.cssSelector("main script")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector("pre.body .l.add")).isEmpty());
        browser.manage().window().setSize(new Dimension(1280, 1500));
        screenshot("/tmp/patchlane-message.png");
    }

    @Test
    void seriesListThenTheTrailerMatrix() throws Exception {
        browser.get(archive.base + "/series");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".series-row a.subject")));
        assertEquals("RDMA/mlx5: keep <script>alert(1)</script> aux lifetime", title.getText());
        assertTrue(browser.findElement(By.cssSelector(".series-row .counts")).getText().startsWith("1: 1/1/0"),
                "patch 1: one ack, one review, no test");
        title.click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.matrix")));
        List<String> people = browser.findElements(By.cssSelector("table.matrix th.person")).stream()
                .map(e -> e.getAttribute("title")).toList();
        assertEquals(List.of("Mark Bloch <mbloch@example.org>", "Leon Romanovsky <leon@example.org>",
                "Jason Gunthorpe <jgg@example.com>"), people);
        List<String> cells = browser.findElements(By.cssSelector("table.matrix tbody td.cell")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("R", "S", "A"), cells, "Mark's review and Leon's sign-off in the patch, Jason's ack");
        String evidence = browser.findElements(By.cssSelector("table.matrix tbody td.cell")).get(2).getAttribute("title");
        assertEquals("Acked-by in <" + TinyArchive.REPLY_ID + ">", evidence);
        assertTrue(browser.findElements(By.cssSelector("main script")).isEmpty());
        screenshot("/tmp/patchlane-series.png");
    }

    private static void screenshot(String path) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of(path), StandardCopyOption.REPLACE_EXISTING);
    }
}

package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchlane.Required;

/**
 * The reading pages in Debian's Chromium: filter the series list, read a thread (nested, quotes folded, trailers
 * marked), move with j/k, the status chart, a phone's width, and hostile mail on every page that shows it.
 */
class PagesBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static ThreadArchive archive;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Required.that(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver");
        archive = new ThreadArchive(dir.resolve("archive"));
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium")));
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @BeforeEach
    void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (archive != null) archive.close();
    }

    @Test
    void filterTheSeriesByListAndStateThenOpenTheThread() throws Exception {
        browser.get(archive.base + "/series");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".series-row")));
        assertEquals(3, rows().size());

        new Select(browser.findElement(By.name("list"))).selectByValue("netdev");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(ExpectedConditions.urlContains("list=netdev"));
        assertEquals(List.of("[PATCH] <script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">".substring(8),
                "net: fix the ring size check"), rows());
        assertEquals("list:netdev", browser.findElement(By.cssSelector("h1 a.q")).getText());

        new Select(browser.findElement(By.name("list"))).selectByValue("linux-rdma");
        new Select(browser.findElement(By.name("state"))).selectByValue("under-review");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(ExpectedConditions.urlContains("state=under-review"));
        assertEquals(List.of(ThreadArchive.TITLE), rows());
        assertEquals("list:linux-rdma AND state:under-review", browser.findElement(By.cssSelector("h1 a.q")).getText());
        assertEquals("under-review 1", browser.findElement(By.cssSelector(".state-count.current")).getText());
        new Select(browser.findElement(By.name("state"))).selectByValue("new");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.empty")));
        assertEquals("No series match list:linux-rdma AND state:new. Remove a filter, or widen the free query.",
                browser.findElement(By.cssSelector("p.empty")).getText());
        screenshot("/tmp/patchlane-series-filters.png");

        browser.get(archive.base + Links.thread("linux-rdma", ThreadArchive.ANSWER));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.thread")));
        List<WebElement> messages = browser.findElements(By.cssSelector("li.tmsg"));
        assertEquals(8, messages.size());
        // Nested: each level further right, the answer (depth 3) right of the review (2) right of the patch (1).
        int patch = left(ThreadArchive.PATCH1), review = left(ThreadArchive.REVIEW), answer = left(ThreadArchive.ANSWER);
        assertTrue(left(ThreadArchive.COVER) < patch && patch < review && review < answer, patch + " " + review + " " + answer);
        // The review's quote is folded: its lines are hidden until the summary is clicked.
        WebElement quote = byId(ThreadArchive.REVIEW).findElement(By.cssSelector("details.quote"));
        WebElement quoted = quote.findElement(By.cssSelector("pre"));
        assertFalse(quoted.isDisplayed());
        quote.findElement(By.tagName("summary")).click();
        assertTrue(quoted.isDisplayed());
        assertTrue(quoted.getText().contains("> Signed-off-by: Alice Author"));
        // The trailer is highlighted: bold on its own background, unlike the text around it.
        WebElement trailer = byId(ThreadArchive.REVIEW).findElement(By.cssSelector(".l.trailer"));
        assertEquals("Reviewed-by: Bob Reviewer <bob@example.org>", trailer.getText());
        WebElement plain = byId(ThreadArchive.REVIEW).findElement(By.cssSelector(".l.plain"));
        assertFalse(trailer.getCssValue("background-color").equals(plain.getCssValue("background-color")));
        assertEquals("700", trailer.getCssValue("font-weight"));
        screenshot("/tmp/patchlane-thread.png");
    }

    @Test
    void jAndKMoveBetweenSeriesAndMessagesAndEnterOpens() {
        browser.get(archive.base + "/series");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".series-row")));
        List<WebElement> rows = browser.findElements(By.cssSelector(".series-row"));
        keys("j");
        assertEquals(List.of(0), cursors(rows));
        keys("jj");
        assertEquals(List.of(2), cursors(rows));
        keys("j");
        assertEquals(List.of(2), cursors(rows), "stays on the last");
        keys("k");
        assertEquals(List.of(1), cursors(rows));
        String href = rows.get(1).findElement(By.cssSelector("a.nav-link")).getAttribute("href");
        keys(Keys.ENTER.toString());
        wait.until(ExpectedConditions.urlToBe(href));

        // On a thread page the cursor starts on the URL's message.
        browser.get(archive.base + Links.thread("linux-rdma", ThreadArchive.REVIEW));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.thread")));
        List<WebElement> messages = browser.findElements(By.cssSelector("li.tmsg.nav-item"));
        assertEquals(List.of(2), cursors(messages));
        keys("j");
        assertEquals(List.of(3), cursors(messages));
        keys("kkk");
        assertEquals(List.of(0), cursors(messages));
        // Search hits too.
        browser.get(archive.base + "/search?q=" + Links.encode("s:mlx5"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hit")));
        List<WebElement> hits = browser.findElements(By.cssSelector("li.hit"));
        keys("jj");
        assertEquals(List.of(1), cursors(hits));
        String hit = hits.get(1).findElement(By.cssSelector("a.nav-link")).getAttribute("href");
        keys(Keys.ENTER.toString());
        wait.until(ExpectedConditions.urlToBe(hit));

        browser.get(archive.base + Links.thread("linux-rdma", ThreadArchive.REVIEW));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.thread")));
        messages = browser.findElements(By.cssSelector("li.tmsg.nav-item"));
        // Keys typed into the search box are text, not moves.
        WebElement box = browser.findElement(By.cssSelector("header input[name=q]"));
        box.sendKeys("jk");
        assertEquals("jk", box.getAttribute("value"));
        assertEquals(List.of(2), cursors(messages));
    }

    @Test
    void statusChartRenders() throws Exception {
        browser.get(archive.base + "/status");
        WebElement svg = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart")));
        assertTrue(svg.getSize().getWidth() > 300 && svg.getSize().getHeight() > 80, "the chart is drawn");
        List<WebElement> bars = svg.findElements(By.cssSelector("rect.bar"));
        assertEquals(6, bars.size());
        assertTrue(bars.get(0).getSize().getHeight() > bars.get(1).getSize().getHeight(), "3 messages over 2");
        assertEquals("2026-11-10: 3 messages", bars.get(0).findElement(By.tagName("title")).getAttribute("textContent"));
        assertFalse(svg.findElements(By.cssSelector("text.xlabel")).isEmpty());
        assertFalse(svg.findElements(By.cssSelector("text.ylabel")).isEmpty());
        screenshot("/tmp/patchlane-status.png");
    }

    @Test
    void phoneWidthNeverScrollsThePageSideways() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        for (String path : pages()) {
            // The series page (/series/{id}) is laid out elsewhere; these are the reading pages.
            if (path.startsWith("/series/")) continue;
            browser.get(archive.base + path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            long inner = ((Number) browser.executeScript("return window.innerWidth")).longValue();
            long scroll = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertTrue(scroll <= inner, path + ": page is " + scroll + " px wide in a " + inner + " px window");
        }
        browser.get(archive.base + Links.thread("linux-rdma", ThreadArchive.ANSWER));
        screenshot("/tmp/patchlane-thread-phone.png");
    }

    @Test
    void hostileMailRunsNoScriptOnAnyPage() {
        for (String path : pages()) {
            browser.get(archive.base + path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            assertNull(browser.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)"), path);
            assertEquals(0L, browser.executeScript("""
                    return Array.from(document.querySelectorAll('[href],[src],[action]')).filter(e =>
                      ['href', 'src', 'action'].some(a => (e.getAttribute(a) || '').trim().toLowerCase().startsWith('javascript:'))).length"""),
                    path + ": a javascript: URL");
            assertEquals(0L, browser.executeScript("""
                    return Array.from(document.querySelectorAll('*')).filter(e =>
                      Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length"""),
                    path + ": an event-handler attribute");
            assertTrue(browser.findElements(By.cssSelector("main img, main iframe")).isEmpty(), path);
            for (WebElement script : browser.findElements(By.tagName("script"))) {
                // Only our own files (patchlane.js, the series page's copy.js): no inline script, nothing from mail.
                assertTrue(script.getAttribute("src").startsWith(archive.base + "/static/"), path + ": " + script.getAttribute("src"));
            }
        }
        // The payloads are on the pages, as text.
        browser.get(archive.base + Links.message("netdev", ThreadArchive.HOSTILE));
        assertTrue(browser.findElement(By.cssSelector("h1.msg-subject")).getText().contains("<script>window.__pwned=1</script>"));
        assertTrue(browser.findElement(By.cssSelector("table.headers")).getText().contains("<img src=x onerror=window.__pwned=3>"));
        assertTrue(browser.findElement(By.cssSelector("pre.body")).getText().contains("<a href=\"javascript:window.__pwned=5\">click</a>"));
    }

    /** Every page that can show the hostile mail, and the status page. */
    private static List<String> pages() {
        return List.of("/", "/search?q=" + Links.encode("f:evil"), "/search?q=" + Links.encode("window"),
                "/netdev/?q=", Links.message("netdev", ThreadArchive.HOSTILE), Links.thread("netdev", ThreadArchive.HOSTILE),
                Links.message("all", ThreadArchive.HOSTILE), "/series", "/series?list=netdev",
                "/series/" + Links.encode(ThreadArchive.HOSTILE), "/status", "/sources",
                Links.thread("linux-rdma", ThreadArchive.ANSWER), Links.message("linux-rdma", ThreadArchive.PATCH1));
    }

    private static List<String> rows() {
        return browser.findElements(By.cssSelector(".series-row a.subject")).stream().map(WebElement::getText).toList();
    }

    private static WebElement byId(String messageId) {
        return browser.findElement(By.id(Links.anchor(messageId)));
    }

    private static int left(String messageId) {
        return byId(messageId).getLocation().getX();
    }

    private static void keys(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private static List<Integer> cursors(List<WebElement> items) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) if (items.get(i).getAttribute("class").contains("cursor")) out.add(i);
        return out;
    }

    private static void screenshot(String path) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of(path), StandardCopyOption.REPLACE_EXISTING);
    }
}

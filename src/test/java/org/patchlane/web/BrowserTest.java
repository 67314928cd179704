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
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    static TinyArchive archive;
    static LinkedArchive demo;
    static LinkedArchive widgets;
    /** The tiny archive again, with maintainer alice who may log in. */
    static TinyArchive withLogin;
    static VersionedArchive versioned;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Required.that(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver");
        archive = new TinyArchive(dir.resolve("archive"));
        demo = LinkedArchive.demo(dir.resolve("demo"));
        widgets = LinkedArchive.widgets(dir.resolve("widgets"));
        Path conf = Files.writeString(dir.resolve("patchlane.conf"), "[user \"alice\"]\n\temail = alice@example.org\n"
                + "\tpasswordHash = " + Passwords.hash(PASSWORD) + "\n");
        withLogin = new TinyArchive(dir.resolve("login"), Auth.of(org.patchlane.git.ConfigFile.read(conf)));
        versioned = new VersionedArchive(dir.resolve("versioned"));
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
        if (demo != null) demo.close();
        if (widgets != null) widgets.close();
        if (withLogin != null) withLogin.close();
        if (versioned != null) versioned.close();
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
                .map(WebElement::getText).toList();
        assertEquals(List.of("Mark Bloch <mbloch@example.org>", "Leon Romanovsky <leon@example.org>",
                "Jason Gunthorpe <jgg@example.com>"), people);
        List<String> cells = browser.findElements(By.cssSelector("table.matrix tbody td.cell")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("R", "S", "A"), cells, "Mark's review and Leon's sign-off in the patch, Jason's ack");
        WebElement ack = browser.findElements(By.cssSelector("table.matrix tbody td.cell a")).get(2);
        assertEquals("Acked-by in <" + TinyArchive.REPLY_ID + ">", ack.getAttribute("title"));
        assertTrue(ack.getAttribute("href").endsWith(Links.message("", TinyArchive.REPLY_ID)));
        // Scripts are files only (CSP default-src 'self').
        assertTrue(browser.findElements(By.cssSelector("script")).stream().allMatch(e -> !e.getAttribute("src").isEmpty()));
        screenshot("/tmp/patchlane-series.png");
    }

    @Test
    void infrastructureSeriesPanelsGraphAndAUserClick() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1600));
        browser.get(demo.base + "/series/" + Links.encode(LinkedArchive.DEMO_INFRA));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checks")));
        screenshot("/tmp/patchlane-series-links.png");
        List<String> verdicts = browser.findElements(By.cssSelector("#checks tr.check")).stream()
                .map(r -> r.findElement(By.tagName("th")).getText() + " " + r.findElement(By.cssSelector(".verdict")).getText())
                .toList();
        assertEquals(List.of("posted-together pass", "exports fail", "required-acks fail", "prerequisite-state n/a"), verdicts);
        assertTrue(browser.findElement(By.id("checks")).getText()
                .contains("auxiliary_device_is_bound: exported, but no linked series uses it"));
        assertTrue(browser.findElement(By.cssSelector("#checks .missing")).getText()
                .contains("missing: Greg Kroah-Hartman <gregkh@linuxfoundation.org> (AUXILIARY BUS DRIVER)"));
        assertEquals("No prerequisite found: this series depends on no other series in the archive.",
                browser.findElement(By.cssSelector("#prerequisites .empty")).getText());
        List<WebElement> users = browser.findElements(By.cssSelector("#users .linked-series > a.subject"));
        assertEquals(List.of("RDMA/irdma: use the auxiliary device lifetime helpers",
                "mlx5: use the auxiliary device lifetime helpers",
                "RDMA/hns: add the bond auxiliary device with devm_auxiliary_device_add()"),
                users.stream().map(WebElement::getText).toList());

        // The graph: four boxes, three arrows labelled with the strongest kind; this series' box marked failing.
        WebElement svg = browser.findElement(By.cssSelector("svg.graph"));
        assertTrue(svg.getSize().getWidth() > 300 && svg.getSize().getHeight() > 50, "the graph is drawn");
        assertEquals(4, svg.findElements(By.cssSelector("g.box")).size());
        assertEquals(1, svg.findElements(By.cssSelector("g.box.self.failing")).size());
        assertEquals(List.of("change-id", "same-thread", "symbol"), svg.findElements(By.cssSelector("g.arrow text")).stream()
                .map(WebElement::getText).toList());

        // A user's box in the graph leads to its page, whose prerequisite is this series.
        svg.findElements(By.cssSelector("a.graph-link")).get(0).click();
        wait.until(ExpectedConditions.urlContains("/series/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#prerequisites .linked-series")));
        assertEquals("RDMA/irdma: use the auxiliary device lifetime helpers",
                browser.findElement(By.cssSelector("h1.results-title")).getText());
        assertEquals("driver core: add auxiliary device lifetime helpers",
                browser.findElement(By.cssSelector("#prerequisites .linked-series > a.subject")).getText());
        screenshot("/tmp/patchlane-series-user.png");
    }

    @Test
    void togetherThenAUserSeries() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(demo.base + "/");
        browser.findElement(By.cssSelector("header nav a[href='/together']")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".together-row")));
        screenshot("/tmp/patchlane-together.png");
        List<String> rows = browser.findElements(By.cssSelector(".together-row a.subject")).stream()
                .map(WebElement::getText).toList();
        // The typo fix was answered "Applied, thanks!": applied, so no longer open.
        assertEquals(List.of("driver core: add auxiliary device lifetime helpers"), rows);
        WebElement user = browser.findElements(By.cssSelector(".together-row .users a")).get(1);
        assertEquals("mlx5: use the auxiliary device lifetime helpers", user.getText());
        user.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("prerequisites")));
        assertEquals("mlx5: use the auxiliary device lifetime helpers",
                browser.findElement(By.cssSelector("h1.results-title")).getText());

        // Titles with HTML stay text in the panels and the graph.
        browser.get(widgets.base + "/together");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".together-row")));
        assertEquals(LinkedArchive.CORE_TITLE, browser.findElement(By.cssSelector(".together-row a.subject")).getText());
        browser.findElement(By.cssSelector(".together-row .users a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.graph")));
        assertEquals(LinkedArchive.DRIVER_TITLE, browser.findElement(By.cssSelector("h1.results-title")).getText());
        assertEquals(LinkedArchive.CORE_TITLE, browser.findElement(By.cssSelector("#prerequisites a.subject")).getText());
        assertTrue(browser.findElement(By.cssSelector("#prerequisites .versions")).getText().contains("outdated"));
        assertEquals(1, browser.findElements(By.cssSelector("svg.graph g.box.outdated")).size());
        // No markup from the titles (the page's own script is the copy button's file).
        assertTrue(browser.findElements(By.cssSelector("main script:not([src='/static/copy.js']), main b")).isEmpty());
        screenshot("/tmp/patchlane-series-outdated.png");
    }

    /** At phone width: the header's links fit, the login form logs in, the header names the maintainer, logout. */
    @Test
    void logInThroughTheFormAndOutAtPhoneWidth() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(withLogin.base + "/");
            List<String> nav = browser.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText)
                    .toList();
            assertEquals(List.of("Series", "Together", "Digest", "Search", "Sources"), nav);
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                    "no sideways scrolling at phone width");
            browser.findElement(By.cssSelector("header .account a[href='/login']")).click();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-name")));
            browser.findElement(By.id("login-name")).sendKeys("alice");
            browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
            screenshot("/tmp/patchlane-login.png");
            browser.findElement(By.cssSelector(".login-form button")).click();

            WebElement who = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .account .who")));
            assertEquals("alice", who.getText());
            assertTrue(browser.manage().getCookieNamed(Auth.SESSION_COOKIE).isHttpOnly());
            assertEquals("Strict", browser.manage().getCookieNamed(Auth.SESSION_COOKIE).getSameSite());
            screenshot("/tmp/patchlane-logged-in.png");

            browser.findElement(By.cssSelector("header form.logout button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .account a[href='/login']")));
            assertTrue(browser.findElements(By.cssSelector("header .account .who")).isEmpty());
        } finally {
            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void seriesPageOnANarrowScreenThenAnInterdiffThenThePatches() throws Exception {
        browser.manage().window().setSize(new Dimension(480, 900));
        try {
            browser.get(versioned.base + "/series/" + VersionedArchive.CHANGE_ID);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#v1 table.matrix")));
            // The long name the 7rem column used to cut with an ellipsis: whole, and the table scrolls instead.
            WebElement name = browser.findElements(By.cssSelector("#v1 th.person")).get(1);
            assertEquals(VersionedArchive.LONG_NAME + " <kw@linux.com>", name.getText());
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return arguments[0].scrollWidth <= arguments[0].clientWidth", name), "the name is not cut");
            WebElement scroller = browser.findElement(By.cssSelector("#v1 .matrix-scroll"));
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return arguments[0].scrollWidth > arguments[0].clientWidth", scroller), "the table scrolls");
            screenshot("/tmp/patchlane-series-narrow.png");
            // The copy button shows with JavaScript; the b4 line is there either way.
            assertTrue(browser.findElement(By.cssSelector("button.copy")).isDisplayed());
            assertEquals("b4 am " + VersionedArchive.V2_COVER, browser.findElement(By.id("b4-am")).getAttribute("value"));

            browser.findElement(By.cssSelector("#v2 td.patch-links a[href$='#p1']")).click();
            WebElement added = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#p1 span.l.add")));
            assertEquals("+\twritel(FOO_STOP | FOO_CLR, wdt->base + FOO_CTRL);", added.getAttribute("textContent"));
            assertEquals("rgba(23, 107, 44, 1)", added.getCssValue("color"), "added lines are green");
            assertEquals("rgba(163, 34, 42, 1)", browser.findElement(By.cssSelector("#p1 span.l.del")).getCssValue("color"));
            assertEquals("commit message only", browser.findElement(By.cssSelector("#p2 h2 .scope")).getText());
            screenshot("/tmp/patchlane-interdiff.png");

            // From v2's patch 1 to its next patch, and up to the cover.
            browser.findElement(By.cssSelector("#p1 .meta a[href*='v2-1']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.series-nav")));
            browser.findElement(By.cssSelector("nav.series-nav a[rel=next]")).click();
            wait.until(ExpectedConditions.urlContains("v2-2"));
            assertTrue(browser.findElement(By.cssSelector("nav.series-nav")).getText().contains("(2/3)"));
            browser.findElement(By.cssSelector("nav.series-nav a[rel=up]")).click();
            wait.until(ExpectedConditions.urlContains("v2-0"));
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void screenshot(String path) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of(path), StandardCopyOption.REPLACE_EXISTING);
    }
}

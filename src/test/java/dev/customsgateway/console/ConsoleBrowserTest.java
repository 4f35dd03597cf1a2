package dev.customsgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.core.PasswordHasher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web console in a real browser: Debian's chromium, headless, driven by its chromium-driver (named
 * explicitly, so Selenium never downloads anything), against the running test gateway with real messages that
 * went to the customs sandbox and back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest extends GatewayIntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PasswordHasher hasher;

    private WebDriver browser;
    private Path profile;
    private Path downloads;
    private ConsoleFixture fixture;

    @BeforeAll
    void startBrowser() throws Exception {
        assertThat(CHROMIUM).as("chromium is installed (bash .ci/test.sh installs it)").exists();
        assertThat(CHROMEDRIVER).as("chromium-driver is installed (bash .ci/test.sh installs it)").exists();
        profile = Files.createTempDirectory("console-chromium-");
        downloads = Files.createTempDirectory("console-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        fixture = ConsoleFixture.get(baseUrl(), jdbc, hasher);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (Path dir : new Path[] {profile, downloads}) {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void logsInAndOut() {
        logIn(fixture.auditor, ConsoleFixture.PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/console/search");
        assertThat(text("who")).contains(fixture.auditor).contains("auditor");

        browser.findElement(By.id("logout")).click();
        // the click returns when the form is sent, not when the answer has been followed
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().endsWith("/console/login"));
        browser.get(baseUrl() + "/console/search");
        assertThat(browser.getCurrentUrl()).as("the session ended: back to the login page").endsWith("/console/login");
    }

    @Test
    void refusesAWrongPassword() {
        logIn(fixture.auditor, "not the password");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        assertThat(text("login-error")).isEqualTo("Wrong username or password.");
        browser.get(baseUrl() + "/console/search");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    }

    @Test
    void merchantSeesOnlyItsOwnMessages() {
        logIn(fixture.userA, ConsoleFixture.PASSWORD);
        List<String> listed = listedGuids();
        assertThat(listed).containsAll(fixture.guidsA).doesNotContainAnyElementsOf(fixture.guidsB);
        assertThat(browser.findElements(By.id("merchant"))).as("no merchant choice for a merchant user").isEmpty();

        // asking for the other merchant by name in the URL changes nothing
        browser.get(baseUrl() + "/console/search?merchant=" + fixture.merchantB);
        assertThat(listedGuids()).doesNotContainAnyElementsOf(fixture.guidsB);

        String other = fixture.guidsB.get(0);
        browser.get(baseUrl() + "/console/messages/" + other);
        assertThat(text("not-found")).contains("No message " + other);
        assertThat(browser.getPageSource()).doesNotContain(fixture.merchantB);
        browser.get(baseUrl() + "/console/messages/" + other + "/evidence");
        // no zip served (its local file header, "PK" then 3 and 4: "PK" alone also turns up in the random CSRF token)
        assertThat(browser.getPageSource()).doesNotContain("PK\u0003\u0004").contains("Only auditors export evidence");

        browser.get(baseUrl() + "/console/messages/" + fixture.guidsA.get(0));
        assertThat(text("guid")).isEqualTo(fixture.guidsA.get(0));
        assertThat(browser.findElements(By.id("evidence"))).as("merchants do not export evidence").isEmpty();
    }

    @Test
    void auditorSeesBothMerchantsAndDownloadsAnEvidenceBundle() throws Exception {
        logIn(fixture.auditor, ConsoleFixture.PASSWORD);
        assertThat(listedGuids()).containsAll(fixture.guidsA).containsAll(fixture.guidsB);

        // by business key: the order number of merchant A's first order
        browser.findElement(By.id("key")).sendKeys(fixture.orderPrefixA + "0001");
        browser.findElement(By.id("search")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("key="));
        assertThat(listedGuids()).containsExactly(fixture.guidsA.get(0));
        assertThat(browser.findElement(By.id("results")).getText()).as("buyer masked in the list").contains("***");

        String guid = fixture.guidsA.get(0);
        browser.findElement(By.linkText(guid)).click();
        awaitElement("receipts");
        assertThat(browser.findElement(By.id("receipts")).getText()).contains("120")
                .contains("accepted into the customs system");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("RECEIVED").contains("SIGNED")
                .contains("DELIVERED").contains("RECEIPT");

        browser.findElement(By.id("signed-xml")).click();
        awaitElement("artefact");
        assertThat(text("signature")).startsWith("Signature verified");
        assertThat(text("artefact")).contains("<ceb:CEB311Message").contains("\n    <ceb:OrderHead>");
        browser.navigate().back();

        browser.findElement(By.id("evidence")).click();
        Path zip = downloads.resolve("evidence-" + guid + ".zip");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> Files.exists(zip));
        try (ZipFile bundle = new ZipFile(zip.toFile())) {
            assertThat(bundle.getEntry("manifest.sha256")).isNotNull();
            assertThat(bundle.stream().map(java.util.zip.ZipEntry::getName))
                    .anyMatch(name -> name.matches("checkpoints/\\d+\\.sig"));
            assertThat(new String(bundle.getInputStream(bundle.getEntry("entries.json")).readAllBytes()))
                    .contains(guid);
        }
        assertThat(jdbc.sql("select count(*) from console_access where username = ? and action = 'EXPORTED_EVIDENCE'"
                + " and target = ?").params(fixture.auditor, guid).query(Integer.class).single())
                .as("the export is in the access log").isEqualTo(1);
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() {
        logIn(fixture.auditor, ConsoleFixture.PASSWORD);
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('input[name=_csrf]').forEach(e => e.remove())");
        browser.findElement(By.id("logout")).click();
        awaitRefusal();
        assertThat(browser.getPageSource()).contains("CSRF token is missing or wrong");
        browser.get(baseUrl() + "/console/search");
        assertThat(browser.getCurrentUrl()).as("the refused logout did not happen").endsWith("/console/search");

        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/console/login");
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('input[name=_csrf]').forEach(e => e.remove())");
        browser.findElement(By.id("username")).sendKeys(fixture.auditor);
        browser.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
        browser.findElement(By.id("login")).click();
        awaitRefusal();
        assertThat(browser.getPageSource()).contains("CSRF token is missing or wrong");
    }

    /** Waits for the page a click leads to, by an element only that page has (or fails the test after 20 s). */
    private void awaitElement(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> !b.findElements(By.id(id)).isEmpty());
    }

    /** The click returns when the form is sent; waits for the answer (or fails the test after 20 s). */
    private void awaitRefusal() {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> b.getPageSource().contains("CSRF token is missing or wrong"));
    }

    @Test
    void administratorCreatesAUserWhoCanThenLogIn() throws IOException {
        logIn("admin", Files.readString(DATA_DIR.resolve("console-admin.password")).strip());
        assertThat(browser.getCurrentUrl()).endsWith("/console/admin/users");
        String name = "new-auditor-" + System.nanoTime();
        browser.findElement(By.id("new-username")).sendKeys(name);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#new-user select[name=role]")))
                .selectByValue("AUDITOR");
        browser.findElement(By.id("create-user")).click();
        awaitPage();
        assertThat(text("created-user")).isEqualTo(name);
        String password = text("created-password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        browser.get(baseUrl() + "/console/search");
        assertThat(browser.getPageSource()).as("administrators read no messages").contains("may not open this page");
        browser.get(baseUrl() + "/console/admin/users");
        browser.findElement(By.id("logout")).click();

        logIn(name, password);
        assertThat(browser.getCurrentUrl()).endsWith("/console/search");
        assertThat(text("who")).contains(name).contains("auditor");
    }

    private void logIn(String username, String password) {
        browser.get(baseUrl() + "/console/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        awaitPage();
    }

    /** Waits for the page a form post leads to: a console page (with its user) or the login page's error. */
    private void awaitPage() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> !b.findElements(By.id("who")).isEmpty()
                || !b.findElements(By.id("login-error")).isEmpty() || b.getPageSource().contains("Refused"));
    }

    private List<String> listedGuids() {
        List<String> guids = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector("#results tr.message td:last-child a"))) {
            guids.add(link.getText());
        }
        return guids;
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}

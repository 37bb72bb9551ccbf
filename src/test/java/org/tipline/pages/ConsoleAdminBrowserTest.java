package org.tipline.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;

/**
 * The console's directory pages and case controls in headless Chromium: a CSV import previewed, refused with every bad
 * row, then applied; a staff member's mobile number, which only administrators read; the lead of a case; and times on
 * the district's clock for a viewer whose browser runs in another zone.
 */
@QuarkusTest
class ConsoleAdminBrowserTest extends BrowserTest {

    private static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes())
            .toString();
    private static final String DISTRICT = "Natrona County School District";
    private static final String DISTRICT_ID = UUID.nameUUIDFromBytes(("tipline-demo:district:" + DISTRICT).getBytes()).toString();

    @Test
    void shouldPreviewAnImportListEveryBadRowThenApplyAGoodFile() throws IOException {
        String first = ncesId();
        String second = ncesId();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Path bad = csv("nces_id,name,district,city,level,agency",
                first + ",Import High " + marker + "," + DISTRICT + ",Casper,HIGH,Casper Police Department",
                "12345,Short Id School," + DISTRICT + ",Casper,HIGH,Casper Police Department",
                ncesId() + ",Nowhere School,No Such District,Casper,HIGH,Casper Police Department",
                ncesId() + ",Odd Level School," + DISTRICT + ",Casper,COLLEGE,Casper Police Department",
                second + ",Import Middle " + marker + "," + DISTRICT + ",Casper,JUNIOR_HIGH,Casper Police Department");
        Path good = csv("nces_id,name,district,city,level,agency",
                first + ",Import High " + marker + "," + DISTRICT + ",Casper,HIGH,Casper Police Department",
                second + ",\"Import Middle, " + marker + "\"," + DISTRICT + ",Mills,JUNIOR_HIGH,Casper Police Department");

        open("/console");
        signIn("admin@demo.tipline.local");
        browser.visible("#admin-view nav.tabs a[data-page=import]").click();
        new Select(browser.visible("#import-kind")).selectByValue("schools");
        browser.find("#import-file").sendKeys(bad.toAbsolutePath().toString());
        browser.find("#import-preview").click();

        browser.visible("#import-result.refused");
        List<String> where = browser.driver.findElements(By.cssSelector("#import-body tr.import-error td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(where).containsExactly("row 3: nces_id", "row 4: district", "row 5: level");
        assertThat(browser.find("#import-apply").isEnabled()).isFalse();
        browser.screenshots("console-import-refused");

        browser.find("#import-file").sendKeys(good.toAbsolutePath().toString());
        browser.find("#import-preview").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("import-result-heading"), "Preview of the schools file"));
        assertThat(outcomes()).containsExactly("created", "created");
        assertThat(schoolsWith(first, second)).as("a preview changes nothing").isZero();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("import-apply")));
        browser.screenshots("console-import-preview");

        browser.find("#import-apply").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("import-result-heading"), "The schools file is imported"));
        assertThat(browser.find("#admin-message").getText()).isEqualTo("Imported: 2 created, 0 updated, 0 unchanged.");
        assertThat(schoolsWith(first, second)).isEqualTo(2);
        assertThat(browser.find("#import-apply").isEnabled()).as("applied once; a new preview comes first").isFalse();

        browser.find("#import-preview").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-message"), "would change nothing"));
        assertThat(outcomes()).containsExactly("unchanged", "unchanged");
        assertThat(browser.find("#import-apply").isEnabled()).isFalse();
        assertThat(browser.consoleErrors()).filteredOn(message -> !message.contains("Failed to load resource")).isEmpty();
    }

    @Test
    void shouldLetAnAdministratorSetAMobileNumberThatACoordinatorSeesOnlyAsSet() {
        String email = "mobile." + UUID.randomUUID().toString().substring(0, 8) + "@test.tipline.local";
        String staffId = given().auth().oauth2(StaffTokens.forDemo("admin", "ADMIN")).contentType("application/json")
                .body(Map.of("email", email, "displayName", "Mobile Counselor", "role", "COUNSELOR", "districtId", DISTRICT_ID))
                .post("/api/v1/admin/staff").then().statusCode(201).extract().path("staff.id");
        String number = "+1307" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));

        open("/console/admin/staff");
        signIn("admin@demo.tipline.local");
        WebElement row = browser.visible("#staff-body tr[data-email='" + email + "']");
        assertThat(row.findElement(By.cssSelector("td.mobile")).getText()).isEqualTo("none");
        row.findElement(By.cssSelector("button[aria-label='Mobile number of " + email + "']")).click();
        browser.visible("#staff-mobile-number").sendKeys("307 555");
        browser.find("#staff-mobile-save").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-message"), "mobile"));
        assertThat(browser.find("#admin-message").getAttribute("class")).contains("error");
        browser.find("#staff-mobile-number").clear();
        browser.find("#staff-mobile-number").sendKeys(number);
        browser.find("#staff-mobile-save").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#staff-body tr[data-email='" + email + "'] td.mobile"), number));
        browser.screenshots("console-staff");
        String stored = QuarkusTransaction.requiringNew().call(() -> Staff.<Staff>findById(UUID.fromString(staffId)).mobile);
        assertThat(stored).isEqualTo(number);

        open("/console");
        signIn("coordinator@demo.tipline.local");
        browser.visible("#nav-admin").click();
        browser.visible("#admin-view nav.tabs a[data-page=staff]").click();
        WebElement seen = browser.visible("#staff-body tr[data-email='" + email + "']");
        assertThat(seen.findElement(By.cssSelector("td.mobile")).getText()).isEqualTo("set (shown to administrators only)");
        assertThat(browser.driver.getPageSource()).doesNotContain(number);
        assertThat(browser.find("#admin-view nav.tabs a[data-page=agencies]").isDisplayed()).as("agencies: administrators only")
                .isFalse();
    }

    @Test
    void shouldLetAnAdministratorSetADistrictsCalendarAndAnAgencysMobileNumbers() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();

        open("/console");
        signIn("admin@demo.tipline.local");
        WebElement row = browser.visible("#districts-body tr[data-id='" + district.id + "']");
        row.findElement(By.cssSelector("button")).click();
        WebElement zone = browser.visible("#district-zone");
        zone.clear();
        zone.sendKeys("America/Chicago");
        browser.find("#district-day-FRIDAY").click();
        browser.find("#district-holidays").sendKeys("2026-12-25\n2026-12-24");
        browser.find("#district-save").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-message"), "is saved"));
        District saved = QuarkusTransaction.requiringNew().call(() -> {
            District found = District.findById(district.id);
            found.holidays.size();
            return found;
        });
        assertThat(saved.timeZone).isEqualTo("America/Chicago");
        assertThat(saved.businessDaySet()).doesNotContain(DayOfWeek.FRIDAY).contains(DayOfWeek.MONDAY);
        assertThat(saved.holidays).containsExactlyInAnyOrder(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
        browser.screenshots("console-districts");

        browser.find("#admin-view nav.tabs a[data-page=agencies]").click();
        browser.visible("#agencies-body tr[data-id='" + agency.id + "'] button").click();
        browser.visible("#agency-oncall-mobile").sendKeys("+13075550177");
        browser.find("#agency-mobiles-save").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#agencies-body tr[data-id='" + agency.id + "']"), "+13075550177"));
        Agency stored = QuarkusTransaction.requiringNew().call(() -> Agency.findById(agency.id));
        assertThat(stored.onCallMobile).isEqualTo("+13075550177");
        assertThat(stored.supervisorMobile).isNull();
    }

    @Test
    void shouldLetStaffChooseTheLeadAmongThoseWhoServeTheSchool() {
        String tipId = newKellyWalshTip();
        String counselor = StaffTokens.demoStaffId("counselor.kwhs").toString();

        open("/console/tips/" + tipId);
        signIn("sro.kwhs@demo.tipline.local");
        Select lead = new Select(browser.visible("#lead-staff"));
        browser.wait.until(driver -> lead.getOptions().size() > 1);
        List<String> offered = lead.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(offered).contains(counselor, StaffTokens.demoStaffId("analyst").toString())
                .doesNotContain(StaffTokens.demoStaffId("sro.nchs").toString());
        lead.selectByValue(counselor);
        browser.find("#case-lead-set").click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-lead"), "counselor.kwhs@demo.tipline.local"));
        assertThat(new Select(browser.find("#lead-staff")).getFirstSelectedOption().getAttribute("value")).isEqualTo(counselor);
        browser.screenshots("console-case-lead");
        UUID stored = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>findById(UUID.fromString(tipId)).leadStaffId());
        assertThat(stored).hasToString(counselor);
    }

    @Test
    void shouldShowTimesOnTheDistrictsClockToAViewerInAnotherZone() {
        String tipId = newKellyWalshTip();
        Instant submitted = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>findById(UUID.fromString(tipId)).submittedAt());
        ZoneId denver = ZoneId.of("America/Denver");
        String expected = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.US).withZone(denver).format(submitted);

        browser.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        try {
            open("/console/tips/" + tipId);
            assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("Asia/Tokyo");
            signIn("sro.kwhs@demo.tipline.local");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-zone"), "America/Denver"));
            WebElement time = browser.find("#case-submitted time");
            assertThat(time.getText()).endsWith(expected);
            assertThat(time.getAttribute("title")).isEqualTo("America/Denver");
            assertThat(browser.find("#case-history time").getText()).endsWith(expected.substring(expected.indexOf(' ')));
            browser.screenshots("console-case-zone");

            // The queue (whose first page need not hold this tip when other tests left tips there): every row on its clock.
            browser.find("#back-to-queue").click();
            WebElement row = browser.visible("#queue-body tr");
            UUID shown = UUID.fromString(row.getAttribute("data-id"));
            String deadline = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.US).withZone(denver)
                    .format(QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>findById(shown).ackDeadline()));
            assertThat(row.findElement(By.cssSelector("time")).getText()).endsWith(deadline);
        } finally {
            browser.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    @Test
    void shouldOfferOnlyTheSchoolsStaffServe() {
        open("/console");
        signIn("sro.evansville@demo.tipline.local");
        browser.visible("#queue");
        List<String> schools = new Select(browser.find("#filter-school")).getOptions().stream().map(WebElement::getText).toList();
        assertThat(schools).containsExactly("All my schools", "Evansville Elementary School (Evansville)",
                "Evansville Middle School (Evansville)");
    }

    private void open(String path) {
        browser.driver.get(origin() + path);
    }

    private void signIn(String email) {
        browser.visible("#signin-email").sendKeys(email);
        browser.find("#signin-password").sendKeys("tipline-demo");
        browser.find("#signin-submit").click();
        browser.visible("#whoami");
    }

    private static List<String> outcomes() {
        return browser.driver.findElements(By.cssSelector("#import-body tr td:last-child")).stream().map(WebElement::getText).toList();
    }

    private static long schoolsWith(String... ncesIds) {
        return QuarkusTransaction.requiringNew().call(() -> School.count("ncesId in ?1", List.of(ncesIds)));
    }

    private static String ncesId() {
        return "56" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private static Path csv(String... lines) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "import-", ".csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String newKellyWalshTip() {
        String reference = given().contentType("application/json")
                .body(Map.of("schoolId", KELLY_WALSH, "category", "FIGHTING", "description", "Fight planned after school.",
                        "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().path("reference");
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
    }
}

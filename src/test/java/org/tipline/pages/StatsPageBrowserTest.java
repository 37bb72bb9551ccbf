package org.tipline.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tipline.support.SeededTips;

/** The console's statistics page in headless Chromium, with ten tips of Kelly Walsh High School in autumn 2024. */
@QuarkusTest
class StatsPageBrowserTest extends BrowserTest {

    private static final UUID KELLY_WALSH = UUID.nameUUIDFromBytes(
            "tipline-demo:school:Kelly Walsh High School".getBytes(StandardCharsets.UTF_8));
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    private static void seed() {
        SeededTips.tip(KELLY_WALSH, "BULLYING").at("2024-09-03T10:00", DENVER).acknowledged(600).closed("INTERVENTION", 3600).insert();
        SeededTips.tip(KELLY_WALSH, "BULLYING").at("2024-09-04T11:00", DENVER).acknowledged(1200).insert();
        SeededTips.tip(KELLY_WALSH, "BULLYING").at("2024-09-10T12:00", DENVER).insert();
        SeededTips.tip(KELLY_WALSH, "FIGHTING").at("2024-09-11T13:00", DENVER).channel("PHONE").acknowledged(1800).insert();
        SeededTips.tip(KELLY_WALSH, "FIGHTING").at("2024-09-17T10:30", DENVER).channel("PHONE").insert();
        SeededTips.tip(KELLY_WALSH, "BULLYING").at("2024-10-01T09:00", DENVER).acknowledged(2400).closed("REFERRED", 7200).insert();
        SeededTips.tip(KELLY_WALSH, "BULLYING").at("2024-10-02T09:30", DENVER).insert();
        SeededTips.tip(KELLY_WALSH, "WEAPON").at("2024-10-08T10:10", DENVER).lifeSafety().acknowledged(300).insert();
        SeededTips.tip(KELLY_WALSH, "DRUGS").at("2024-10-15T14:00", DENVER).channel("EMAIL").acknowledged(900).closed("UNFOUNDED", 9000).insert();
        SeededTips.tip(KELLY_WALSH, "DRUGS").at("2024-10-22T15:00", DENVER).channel("EMAIL").acknowledged(600).closed("UNFOUNDED", 5400).insert();
    }

    @Test
    void shouldShowTheDistrictsFiguresTablesAndChartsToItsCoordinator() {
        seed();
        browser.driver.get(origin() + "/console/stats");
        browser.visible("#signin-email").sendKeys("coordinator@demo.tipline.local");
        browser.find("#signin-password").sendKeys("tipline-demo");
        browser.find("#signin-submit").click();
        browser.visible("#stats-heading");

        browser.script("document.getElementById('stats-from').value = '2024-09-01';"
                + "document.getElementById('stats-to').value = '2024-10-31';");
        browser.find("#stats-show").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats-summary"), "Tips10"
                .replace("Tips", "Tips\n")));

        assertThat(browser.find("#stats-summary").getText()).contains("Incidents\n10").contains("Life-safety share\n10 %")
                .contains("False reports (unfounded)\n50 %").contains("Busiest weekday and hour\nTuesday, 10:00");
        List<WebElement> monthBars = browser.driver.findElements(By.cssSelector("#chart-months rect"));
        assertThat(monthBars).hasSize(5); // September: bullying, fighting; October: bullying, drugs, weapon
        assertThat(browser.find("#chart-months title").getAttribute("textContent")).isEqualTo("Tips per month by category");
        assertThat(browser.driver.findElements(By.cssSelector("#chart-ack rect"))).hasSize(2);
        assertThat(browser.find("#chart-channels").getAttribute("textContent")).contains("Web form").contains("6 (60 %)")
                .contains("Phone").contains("2 (20 %)");
        assertThat(browser.find("#chart-outcomes").getAttribute("textContent")).contains("Open").contains("Unfounded");
        assertThat(browser.find("#stats-table tbody").getText()).contains("2024-09 Bullying or cyberbullying 3");
        browser.screenshots("console-stats");

        // By school, a breakdown below district level: the small cells of the demo schools show as <5.
        new org.openqa.selenium.support.ui.Select(browser.find("#stats-group")).selectByValue("school");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats-table"), "Kelly Walsh High School"));
        assertThat(browser.find("#stats-table-note").isDisplayed()).isTrue();

        browser.driver.manage().window().setSize(Browser.PHONE);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
        browser.driver.manage().window().setSize(Browser.LAPTOP);
        // Chromium draws the date inputs' calendar icon from a data: URL of its own; everything fetched is ours.
        assertThat(browser.requestedUrls()).filteredOn(url -> !url.startsWith("data:"))
                .allSatisfy(url -> assertThat(url).startsWith(origin() + "/"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void shouldTellAnOfficerThatStatisticsAreNotForTheirRole() {
        browser.driver.get(origin() + "/console/stats");
        browser.visible("#signin-email").sendKeys("sro.kwhs@demo.tipline.local");
        browser.find("#signin-password").sendKeys("tipline-demo");
        browser.find("#signin-submit").click();

        assertThat(browser.visible("#stats-denied").getText()).contains("coordinators and state analysts");
        assertThat(browser.find("#nav-stats").isDisplayed()).isFalse();
        assertThat(browser.find("#stats-work").isDisplayed()).isFalse();
        browser.find("#nav-queue").click();
        browser.visible("#queue-heading");
    }
}

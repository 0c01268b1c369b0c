package io.affectra.api.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.affectra.api.auth.AuthOnProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** With API keys on: the console's shell loads without a key, asks for one, and sends it on every data call, and only there. */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class ConsoleAuthBrowserTest {

    @TestHTTPResource("/console")
    URL console;

    @Test
    void theShellIsOpenAndItsDataIsNot() {
        given().get("/console/prompts").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/console/assets/console.js").then().statusCode(200);
        given().get("/v1/prompts").then().statusCode(401);
        // Only the console's own prefix is open, not a path that merely starts with its letters.
        given().get("/consolev1/prompts").then().statusCode(401);
        // And the open prefix cannot be walked out of: such paths are refused before the key check.
        given().urlEncodingEnabled(false).get("/console/%2e%2e/v1/prompts").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/console%2f..%2fv1/prompts").then().statusCode(400);
    }

    @Test
    void theConsoleAsksForTheKeyKeepsItInTheTabAndSendsItAsABearer() {
        try (ConsoleBrowser browser = ConsoleBrowser.start()) {
            browser.open(console + "/prompts");
            browser.await(d -> d.findElement(By.id("alert")).isDisplayed());
            assertThat(browser.driver.findElement(By.id("alert")).getText()).startsWith("401");
            assertThat(browser.driver.findElement(By.id("key-state")).getText()).contains("needs an API key");
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("api-key");
            browser.screenshot("auth-key-asked");

            browser.driver.findElement(By.id("api-key")).sendKeys(AuthOnProfile.ALICE);
            browser.driver.findElement(By.cssSelector("#key-form button[type='submit']")).click();
            browser.awaitElement("#prompts table tbody tr");
            assertThat(browser.js("return sessionStorage.getItem('affectra.apiKey')")).isEqualTo(AuthOnProfile.ALICE);
            assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
            assertThat(browser.driver.getCurrentUrl()).doesNotContain(AuthOnProfile.ALICE);
            assertThat(browser.driver.findElement(By.id("api-key")).getAttribute("value")).isEmpty();
            assertThat((String) browser.js("return document.documentElement.outerHTML")).doesNotContain(AuthOnProfile.ALICE);

            // The key stays for the tab: another page's data loads without asking again.
            browser.open(console + "/encoders");
            browser.awaitElement("#encoders table tbody tr");
            assertThat(browser.driver.findElement(By.id("alert")).isDisplayed()).isFalse();
            browser.screenshot("auth-encoders");

            // A wrong key is refused and asked for again.
            browser.js("sessionStorage.setItem('affectra.apiKey', 'sk-wrong-000')");
            browser.open(console + "/prompts");
            browser.await(d -> d.findElement(By.id("key-state")).getText().contains("refused this key"));
        }
    }
}

package io.affectra.api.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.affectra.eval.EvaluationRunner;
import io.affectra.testing.TestMedia;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser against the running server: a photograph analysed through the page (its drawn face
 * boxes against the API's JSON, where they land on the image), the stored analysis reopened on a blank canvas, and an
 * experiment run with the offline reasoner (leaderboard, matrix, a case).
 */
@QuarkusTest
class ConsoleBrowserTest {

    /**
     * The offline reasoner over the three shipped photographs: the shipped template and an inline variant, each with
     * and without the face: 4 cells, 12 trials.
     */
    static final String SPEC = """
            name: console-photos
            format: label
            mediaDir: src/test/resources/media
            labels: [happiness, neutral, sadness, anger]
            variants:
              - emotion/direct@1
              - id: emotion/plain
                extends: emotion/direct
                system: |
                  PLAIN-VARIANT. Pick exactly one label from: {labels}. Cite the cue ids you use in "cueIds".
                  Answer with one JSON object and nothing else, following this JSON schema:
                  {schema}
            backends: [local]
            strategies: [direct]
            ablations: [-face]
            concurrency: 1
            """;

    static final String PHOTOS = """
            {"id": "p1", "media": "sample1.jpg", "label": "happiness", "category": "photo"}
            {"id": "p2", "media": "sample2.jpg", "label": "neutral", "category": "photo"}
            {"id": "p3", "media": "sample3.jpg", "label": "happiness", "category": "photo"}
            """;

    /** Numbers as doubles, as the browser has them (JsonPath's default, float, would round some differently). */
    static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    static ConsoleBrowser browser;

    @TestHTTPResource("/console")
    URL console;

    @Inject
    EvaluationRunner runner;

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPhotoAnalysedThroughThePageIsDrawnWhereTheApiPutItsFaces() {
        browser.open(console.toString());
        browser.awaitElement("#backend option[value='local']");
        browser.driver.findElement(By.id("media")).sendKeys(TestMedia.file("sample3.jpg").toAbsolutePath().toString());
        new Select(browser.driver.findElement(By.id("backend"))).selectByValue("local");
        new Select(browser.driver.findElement(By.id("strategy"))).selectByValue("direct");
        browser.driver.findElement(By.id("analyse-submit")).click();
        browser.awaitElement("#result[data-ready='true']");

        // The page's analysis is stored: its JSON is the reference for what was drawn.
        String id = browser.driver.findElement(By.cssSelector("#result .meta a")).getText();
        JsonPath stored = given().get("/v1/analyses/" + id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> faces = stored.getList("faces");
        assertThat(faces).hasSize(3);
        List<WebElement> boxes = browser.driver.findElements(By.cssSelector("#figure svg rect.face-box"));
        assertThat(boxes).hasSize(faces.size());
        double width = stored.getDouble("media.width");
        for (int i = 0; i < faces.size(); i++) {
            String faceId = (String) faces.get(i).get("id");
            WebElement box = browser.driver.findElement(By.cssSelector("#figure rect.face-box[data-face='" + faceId + "']"));
            // Where the box lands on screen, in image pixels: it must cover the face the API reported.
            @SuppressWarnings("unchecked")
            Map<String, Object> onScreen = (Map<String, Object>) browser.js("""
                    const r = arguments[0].getBoundingClientRect(), img = document.querySelector('#figure .media').getBoundingClientRect();
                    const k = arguments[1] / img.width;
                    return {x: (r.left - img.left) * k, y: (r.top - img.top) * k, w: r.width * k, h: r.height * k};""", box, width);
            double tolerance = 2 + 0.01 * width; // the stroke and rounding to CSS pixels
            assertThat(num(onScreen.get("x"))).as(faceId + " x").isCloseTo(stored.getDouble("faces[" + i + "].box.x"), within(tolerance));
            assertThat(num(onScreen.get("y"))).as(faceId + " y").isCloseTo(stored.getDouble("faces[" + i + "].box.y"), within(tolerance));
            assertThat(num(onScreen.get("w"))).as(faceId + " width").isCloseTo(stored.getDouble("faces[" + i + "].box.width"), within(tolerance));
            assertThat(num(onScreen.get("h"))).as(faceId + " height").isCloseTo(stored.getDouble("faces[" + i + "].box.height"), within(tolerance));
            String label = browser.driver.findElement(By.cssSelector("#face-" + faceId + " text")).getText();
            assertThat(label).startsWith(faceId).contains(stored.getString("faces[" + i + "].expression.label"));
        }
        assertThat(browser.driver.findElement(By.id("answer-label")).getText()).isEqualTo(stored.getString("answer.label"));
        // Landmarks, skeletons and hands: as many as the API's points and edges give, and where it put them.
        assertGeometryDrawn(stored);
        assertThat(stored.getList("bodies")).isNotEmpty();
        WebElement tip = browser.driver.findElement(By.cssSelector("#face-F1 circle.landmark[data-landmark='noseTip']"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tipOnScreen = (Map<String, Object>) browser.js("""
                const r = arguments[0].getBoundingClientRect(), img = document.querySelector('#figure .media').getBoundingClientRect();
                const k = arguments[1] / img.width;
                return {x: (r.left + r.width / 2 - img.left) * k, y: (r.top + r.height / 2 - img.top) * k};""", tip, width);
        assertThat(num(tipOnScreen.get("x"))).isCloseTo(stored.getDouble("faces[0].landmarks.noseTip[0]"), within(2 + 0.01 * width));
        assertThat(num(tipOnScreen.get("y"))).isCloseTo(stored.getDouble("faces[0].landmarks.noseTip[1]"), within(2 + 0.01 * width));

        // Focusing a cue id marks its region on the drawing, and lights up whose it is. (Without scrolling: links
        // that scroll under the resting mouse pointer would take the highlight, as a hover does.)
        WebElement firstFaceCue = browser.driver.findElement(By.cssSelector("table.cues a.cue-link[data-cue^='F1.']"));
        browser.js("arguments[0].focus({preventScroll: true})", firstFaceCue);
        assertThat(browser.driver.findElements(By.cssSelector("#figure svg rect.cue-hl"))).hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("#figure g.face.active"))).extracting(e -> e.getAttribute("data-subject"))
                .containsExactly("F1");
        // Hovering a person's cue: its skeleton lights up, no face does.
        String person = stored.getString("bodies[0].id");
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.cssSelector("table.cues a.cue-link[data-cue='" + person + ".body']")))
                .perform();
        assertThat(browser.driver.findElements(By.cssSelector("#figure svg rect.cue-hl"))).hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("#figure g.body.active"))).extracting(e -> e.getAttribute("data-subject"))
                .containsExactly(person);
        assertThat(browser.driver.findElements(By.cssSelector("#figure g.face.active"))).isEmpty();
        browser.js("document.getElementById('result').scrollIntoView()");
        browser.screenshot("analyse");

        // Reopened from the store: no media, the same boxes on a blank canvas of the photo's size.
        browser.open(console + "/analyses");
        browser.awaitElement("#analyses a[href='/console/analyses/" + id + "']").click();
        browser.awaitElement("#result[data-ready='true']");
        assertThat(browser.driver.findElements(By.cssSelector("#figure svg rect.face-box"))).hasSize(3);
        assertGeometryDrawn(stored);
        WebElement canvas = browser.driver.findElement(By.cssSelector("#figure canvas.media.blank"));
        assertThat(canvas.getAttribute("width")).isEqualTo(String.valueOf(stored.getInt("media.width")));
        assertThat(browser.driver.findElement(By.cssSelector("#figure figcaption")).getText()).contains("never stored");
        browser.screenshot("analysis-stored");

        // De-identified: the photo is shown pixelated, and what was withheld is listed.
        browser.open(console.toString());
        browser.awaitElement("#backend option[value='local']");
        browser.driver.findElement(By.id("media")).sendKeys(TestMedia.file("sample3.jpg").toAbsolutePath().toString());
        new Select(browser.driver.findElement(By.id("backend"))).selectByValue("local");
        browser.driver.findElement(By.id("deidentify")).click();
        browser.driver.findElement(By.id("analyse-submit")).click();
        browser.awaitElement("#result[data-ready='true']");
        browser.awaitElement("#figure canvas.media.pixelated[data-ready='true']");
        assertThat(browser.driver.findElements(By.cssSelector("#figure img"))).isEmpty();
        String privateId = browser.driver.findElement(By.cssSelector("#result .meta a")).getText();
        JsonPath deidentified = given().get("/v1/analyses/" + privateId).then().statusCode(200).extract().jsonPath();
        List<String> withheld = deidentified.getList("privacy.withheld");
        assertThat(withheld).isNotEmpty();
        // No face, so no landmarks; the skeletons stay (the pose model is not a face model).
        assertThat(browser.driver.findElements(By.cssSelector("#figure circle.landmark, #figure rect.face-box"))).isEmpty();
        assertGeometryDrawn(deidentified);
        assertThat(browser.driver.findElements(By.cssSelector("#figure g.body"))).hasSize(deidentified.getList("bodies").size()).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#withheld ul:first-of-type li"))).hasSize(withheld.size());
        browser.js("document.getElementById('result').scrollIntoView()");
        browser.screenshot("analyse-deidentified");
    }

    @Test
    void aClipRunsAsAJobAndItsTimelineShowsEveryWindow() {
        browser.open(console.toString());
        browser.awaitElement("#backend option[value='local']");
        // VP8: a codec every Chromium build plays, for the frame under the timeline's cursor.
        browser.driver.findElement(By.id("media")).sendKeys(TestMedia.file("people.webm").toAbsolutePath().toString());
        new Select(browser.driver.findElement(By.id("backend"))).selectByValue("local");
        browser.driver.findElement(By.id("analyse-submit")).click();
        browser.awaitElement("#result[data-ready='true']");

        assertThat(browser.driver.findElement(By.id("job-bar")).getAttribute("value")).isEqualTo("1");
        String id = browser.driver.findElement(By.cssSelector("#result .meta a")).getText();
        JsonPath stored = given().get("/v1/analyses/" + id).then().statusCode(200).extract().jsonPath();
        int windows = stored.getList("temporal.timeline").size();
        assertThat(windows).isPositive();
        assertThat(browser.driver.findElements(By.cssSelector("svg.timeline g.band.window"))).hasSize(windows);
        assertThat(browser.driver.findElements(By.cssSelector("#figure rect.face-box")))
                .hasSize(stored.getList("temporal.faceTracks.findAll { it.lastBox != null }").size());
        assertThat(browser.driver.findElements(By.cssSelector("svg.timeline g.band.voice")))
                .hasSize(stored.getList("temporal.voice.segments").size());
        // Every lane against the API: face tracks, gestures and postures apart, voice segments with pitch and level.
        assertThat(browser.driver.findElements(By.cssSelector("svg.timeline g.band.face"))).hasSize(stored.getList("temporal.faceTracks").size());
        assertThat(browser.driver.findElements(By.cssSelector("svg.timeline g.band.gesture")))
                .hasSize(stored.getList("temporal.gestures.findAll { !it.posture }").size());
        assertThat(browser.driver.findElements(By.cssSelector("svg.timeline g.band.posture")))
                .hasSize(stored.getList("temporal.gestures.findAll { it.posture }").size());
        List<WebElement> voice = browser.driver.findElements(By.cssSelector("svg.timeline g.band.voice title"));
        if (!voice.isEmpty()) {
            assertThat(voice.get(0).getAttribute("textContent")).contains(" Hz").contains("dBFS");
        }
        // The frame under the cursor: pointing at the middle of the timeline shows the clip there.
        WebElement timeline = browser.driver.findElement(By.cssSelector("svg.timeline"));
        browser.js("arguments[0].scrollIntoView()", timeline);
        new Actions(browser.driver).moveToElement(timeline).perform();
        WebElement frame = browser.awaitElement("#timeline-frame[data-ms]");
        long duration = stored.getLong("media.durationMs");
        assertThat(Long.parseLong(frame.getAttribute("data-ms"))).isBetween(duration / 4, duration * 3 / 4);
        browser.screenshot("analyse-clip");
    }

    @Test
    void anExperimentShowsItsLeaderboardMatrixAndCases() throws InterruptedException {
        String id = given().multiPart("spec", SPEC, "application/yaml")
                .multiPart("dataset", "photos.jsonl", PHOTOS.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/v1/experiments").then().statusCode(202).extract().path("id");
        assertThat(runner.await(id, Duration.ofMinutes(5))).isTrue();
        JsonPath view = given().get("/v1/experiments/" + id).then().statusCode(200).extract().jsonPath().using(DOUBLES);
        int cells = view.getList("cells").size();
        assertThat(cells).isEqualTo(4);

        browser.open(console + "/experiments");
        browser.awaitElement("#experiments a[href='/console/experiments/" + id + "']").click();
        browser.awaitElement("#experiment-summary[data-ready='true']");
        assertThat(browser.driver.findElements(By.cssSelector("#leaderboard-table tbody tr"))).hasSize(cells);
        assertThat(browser.driver.findElement(By.cssSelector("#leaderboard-table tr[data-cell='c1']")).getText()).contains("(baseline)");
        // The leaderboard: cells by accuracy, best first (ties in cell order), each with the API's accuracy, trials and
        // difference from the baseline.
        List<Map<String, Object>> byAccuracy = view.<Map<String, Object>>getList("cells").stream()
                .sorted(java.util.Comparator.comparingDouble(c -> -num(((Map<?, ?>) c.get("metrics")).get("accuracy")))).toList();
        assertThat(browser.driver.findElements(By.cssSelector("#leaderboard-table tbody tr"))).extracting(r -> r.getAttribute("data-cell"))
                .containsExactlyElementsOf(byAccuracy.stream().map(c -> (String) c.get("id")).toList());
        for (Map<String, Object> c : byAccuracy) {
            List<WebElement> row = browser.driver.findElements(By.cssSelector("#leaderboard-table tr[data-cell='" + c.get("id") + "'] td"));
            assertThat(row.get(0).getText()).isEqualTo(c.get("label"));
            assertThat(row.get(1).getText()).as(c.get("id") + " accuracy").isEqualTo(fixed(((Map<?, ?>) c.get("metrics")).get("accuracy")));
            assertThat(row.get(8).getText()).as(c.get("id") + " trials").isEqualTo(String.valueOf(c.get("trials")));
            if (!"c1".equals(c.get("id"))) {
                double d = view.getDouble("comparisons.find { it.cell == '" + c.get("id") + "' }.metrics.accuracy.difference");
                assertThat(row.get(2).getText()).as(c.get("id") + " difference").startsWith((d >= 0 ? "+" : "") + fixed(d));
            }
        }
        assertThat(browser.driver.findElements(By.cssSelector("#matrix-table tbody tr"))).hasSize(3);
        List<WebElement> entries = browser.driver.findElements(By.cssSelector("#matrix-table td.cell"));
        assertThat(entries).hasSize(3 * cells);
        JsonPath matrix = given().get("/v1/experiments/" + id + "/matrix").then().statusCode(200).extract().jsonPath();
        long right = matrix.getList("rows.cells").stream().flatMap(m -> ((Map<?, ?>) m).values().stream())
                .filter(e -> Boolean.TRUE.equals(((Map<?, ?>) e).get("correct"))).count();
        assertThat(browser.driver.findElements(By.cssSelector("#matrix-table td.cell.correct"))).hasSize((int) right);
        // Every entry is the API's: its answer, and right or wrong.
        for (Map<String, Object> r : matrix.<Map<String, Object>>getList("rows")) {
            ((Map<?, ?>) r.get("cells")).forEach((cell, e) -> {
                WebElement td = browser.driver.findElement(By.cssSelector("#matrix-table tr[data-case='" + r.get("caseKey") + "'] td[data-cell='" + cell + "']"));
                Map<?, ?> entry = (Map<?, ?>) e;
                assertThat(td.getText()).as(r.get("caseKey") + " " + cell).startsWith((String) entry.get("answer"));
                assertThat(td.getAttribute("class")).as(r.get("caseKey") + " " + cell)
                        .contains(Boolean.TRUE.equals(entry.get("correct")) ? "correct" : "wrong");
            });
        }
        // One bar per ablated cell with an un-ablated partner, as the API pairs them (-face against the same variant).
        JsonPath ablations = given().get("/v1/experiments/" + id + "/ablations").then().statusCode(200).extract().jsonPath();
        assertThat(ablations.getList("cell")).containsExactly("c2", "c4");
        assertThat(ablations.getList("baseline")).containsExactly("c1", "c3");
        assertThat(browser.driver.findElements(By.cssSelector("#ablation-chart g.ablation rect.bar"))).hasSize(ablations.getList("cell").size());
        assertThat(browser.driver.findElements(By.cssSelector("#ablation-chart g.ablation[data-cell='c2'][data-baseline='c1'] line.whisker")))
                .hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("#exp-resume, #exp-cancel"))).as("a completed run has nothing to cancel or resume").isEmpty();
        // The two cells side by side (the baseline and the next cell): the same template, and the cases that flip are
        // the comparison's flips.
        assertThat(browser.driver.findElement(By.id("compare-template")).getText()).contains("same template");
        int flips = view.getList("comparisons[0].metrics.accuracy.rightToWrong").size()
                + view.getList("comparisons[0].metrics.accuracy.wrongToRight").size();
        assertThat(browser.driver.findElements(By.cssSelector("#compare-flips tbody tr"))).hasSize(flips);
        List<String> flipped = given().get("/v1/experiments/" + id + "/diff?a=c1&b=c2").then().statusCode(200).extract().jsonPath()
                .getList("flips.caseKey");
        assertThat(browser.driver.findElements(By.cssSelector("#compare-flips tbody tr"))).extracting(r -> r.getAttribute("data-case"))
                .containsExactlyElementsOf(flipped);
        browser.screenshot("experiment");

        // The inline variant against the shipped template, picked by keyboard: its line diff as the API has it.
        JsonPath diff = given().get("/v1/experiments/" + id + "/diff?a=c1&b=c3").then().statusCode(200).extract().jsonPath();
        WebElement to = browser.driver.findElement(By.id("compare-b"));
        to.sendKeys(Keys.HOME, Keys.DOWN, Keys.DOWN);
        assertThat(new Select(to).getFirstSelectedOption().getAttribute("value")).isEqualTo("c3");
        browser.awaitElement("#compare-template figure.diff-step");
        List<String> inserted = diff.getList("templates[0].lines.findAll { it.kind == 'INSERT' }.line");
        assertThat(inserted).contains("PLAIN-VARIANT. Pick exactly one label from: {labels}. Cite the cue ids you use in \"cueIds\".");
        assertThat(browser.driver.findElements(By.cssSelector("#compare-template .diff-line"))).hasSize(diff.getList("templates[0].lines").size());
        assertThat(browser.driver.findElements(By.cssSelector("#compare-template ins.diff-line"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(inserted.stream().map(l -> ("+ " + l).strip()).toList());
        assertThat(browser.driver.findElements(By.cssSelector("#compare-template del.diff-line")))
                .hasSize(diff.getList("templates[0].lines.findAll { it.kind == 'DELETE' }").size()).isNotEmpty();
        assertThat(browser.driver.findElement(By.id("compare-template")).getText()).contains("emotion/plain@0 (inline)");
        assertThat(browser.driver.findElements(By.cssSelector("#compare-flips tbody tr"))).hasSize(diff.getList("flips").size());
        browser.js("document.getElementById('compare').scrollIntoView()");
        browser.screenshot("experiment-diff");

        // The label filter narrows the matrix to the cases whose expected label it names (p1 and p3).
        int happy = given().get("/v1/experiments/" + id + "/matrix?label=happiness").then().statusCode(200).extract().jsonPath().getList("rows")
                .size();
        assertThat(happy).isEqualTo(2);
        WebElement labelFilter = browser.driver.findElement(By.id("matrix-label"));
        labelFilter.sendKeys("happiness", Keys.TAB);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#matrix-table tbody tr")).size() == happy);
        assertThat(browser.driver.findElements(By.cssSelector("#matrix-table tbody tr[data-case='p2']"))).isEmpty();

        browser.driver.findElement(By.cssSelector("#matrix-table a[href$='/cases/p3']")).click();
        browser.awaitElement("#case section[data-cell]");
        assertThat(browser.driver.findElements(By.cssSelector("#case section[data-cell]"))).hasSize(cells);
        assertThat(browser.driver.findElements(By.cssSelector("#case section[data-cell] details pre"))).isNotEmpty();
        browser.screenshot("experiment-case");
    }

    @Test
    void anEvaluationShowsTheApisMetricsComparisonAndConfusionMatricesWithItsCases() throws InterruptedException {
        // Two strategies: direct reads the faces, deemo does not (de-identified), so their answers can differ.
        String id = given().multiPart("options", "{\"format\":\"label\",\"backend\":\"local\",\"strategies\":[\"direct\",\"deemo\"],"
                        + "\"mediaDir\":\"src/test/resources/media\"}", "application/json")
                .multiPart("dataset", "photos.jsonl", PHOTOS.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/v1/evaluations").then().statusCode(202).extract().path("id");
        assertThat(runner.await(id, Duration.ofMinutes(5))).isTrue();
        JsonPath evaluation = given().get("/v1/evaluations/" + id).then().statusCode(200).extract().jsonPath().using(DOUBLES);
        List<String> strategies = evaluation.getList("strategies");
        assertThat(strategies).containsExactly("direct", "deemo");

        browser.open(console + "/evaluations/" + id);
        browser.awaitElement("#evaluation[data-ready='true']");

        // The metric table: one row per numeric metric of either strategy (the confusion counts are the heat maps),
        // each value the API's to three decimals.
        Map<String, Map<String, Double>> metrics = new java.util.LinkedHashMap<>();
        for (String st : strategies) {
            Map<String, Double> flat = new java.util.LinkedHashMap<>();
            flatten("", evaluation.getMap("metrics." + st), flat);
            flat.keySet().removeIf(k -> k.startsWith("confusion."));
            metrics.put(st, flat);
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        metrics.values().forEach(m -> names.addAll(m.keySet()));
        assertThat(names).contains("accuracy");
        assertThat(browser.driver.findElements(By.cssSelector("#evaluation-metrics thead th"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of("metric"), strategies.stream()).toList());
        assertThat(browser.driver.findElements(By.cssSelector("#evaluation-metrics tbody tr"))).extracting(r -> r.getAttribute("data-metric"))
                .containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            for (String st : strategies) {
                WebElement td = browser.driver.findElement(By.cssSelector("#evaluation-metrics tr[data-metric='" + name + "'] td[data-strategy='" + st + "']"));
                Double value = metrics.get(st).get(name);
                assertThat(td.getText()).as(st + " " + name).isEqualTo(value == null ? "–" : fixed(value));
            }
        }
        // deemo against direct, the first strategy: each metric's difference and interval as the API has them.
        Map<String, Map<String, Object>> compared = evaluation.getMap("comparison.find { it.strategy == 'deemo' }.metrics");
        assertThat(compared).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("table.comparison[data-strategy='deemo'] tbody tr"))).hasSize(compared.size());
        compared.forEach((name, d) -> {
            List<WebElement> row = browser.driver.findElements(By.cssSelector("table.comparison[data-strategy='deemo'] tr[data-metric='" + name + "'] td"));
            assertThat(row).extracting(WebElement::getText).as(name).containsExactly(fixed(d.get("baseline")), fixed(d.get("strategy")),
                    fixed(d.get("difference")), "[" + fixed(d.get("ciLow")) + ", " + fixed(d.get("ciHigh")) + "]");
        });

        // A heat map per strategy, each cell the API's count.
        int expectedCells = 0;
        for (String st : strategies) {
            Map<String, Map<String, Integer>> confusion = evaluation.getMap("metrics." + st + ".confusion");
            List<WebElement> heat = browser.driver.findElements(By.cssSelector("table.heatmap[data-strategy='" + st + "'] td.heat"));
            assertThat(heat).as(st).hasSize(confusion.values().stream().mapToInt(Map::size).sum());
            for (WebElement cell : heat) {
                assertThat(Integer.parseInt(cell.getText())).as(st)
                        .isEqualTo(confusion.get(cell.getAttribute("data-gold")).get(cell.getAttribute("data-predicted")));
            }
            expectedCells += heat.size();
        }
        assertThat(expectedCells).isPositive();
        List<WebElement> heat = browser.driver.findElements(By.cssSelector("table.heatmap[data-strategy='direct'] td.heat"));
        assertThat(browser.driver.findElements(By.cssSelector("#evaluation-cases-table tbody tr"))).hasSize(3);
        browser.screenshot("evaluation");

        // A heat cell narrows the cases to those it counts.
        WebElement busiest = heat.stream().max(java.util.Comparator.comparingInt(c -> Integer.parseInt(c.getText()))).orElseThrow();
        int count = Integer.parseInt(busiest.getText());
        busiest.click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#evaluation-cases-table tbody tr")).size() == count);
    }

    @Test
    void thePromptsAndEncodersPagesListWhatTheApiLists() {
        List<Map<String, Object>> prompts = given().get("/v1/prompts").then().statusCode(200).extract().jsonPath().getList("");
        browser.open(console + "/prompts");
        browser.awaitElement("#prompts table tbody tr");
        assertListed("#prompts", prompts);
        browser.screenshot("prompts");

        List<Map<String, Object>> encoders = given().get("/v1/encoders").then().statusCode(200).extract().jsonPath().getList("");
        browser.open(console + "/encoders");
        browser.awaitElement("#encoders table tbody tr");
        assertListed("#encoders", encoders);
        browser.screenshot("encoders");
    }

    /** One row per item of the API's list, in its order: the id as the row's heading, the sha256 in full on its code. */
    private static void assertListed(String section, List<Map<String, Object>> items) {
        assertThat(items).isNotEmpty();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector(section + " table tbody tr"));
        assertThat(rows).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            String sha = (String) items.get(i).get("sha256");
            assertThat(sha).hasSize(64);
            assertThat(rows.get(i).findElement(By.tagName("th")).getText()).isEqualTo(items.get(i).get("id"));
            WebElement code = rows.get(i).findElement(By.tagName("code"));
            assertThat(code.getAttribute("title")).isEqualTo(sha);
            assertThat(code.getText()).isEqualTo(sha.substring(0, 12));
        }
    }

    /** The numeric leaves of a metrics object by dotted path, as the console's table names them. */
    private static void flatten(String prefix, Map<?, ?> node, Map<String, Double> out) {
        node.forEach((k, v) -> {
            String path = prefix.isEmpty() ? (String) k : prefix + "." + k;
            if (v instanceof Number n) {
                out.put(path, n.doubleValue());
            } else if (v instanceof Map<?, ?> m) {
                flatten(path, m, out);
            }
        });
    }

    /** As the console prints a number: three decimals, rounded as JavaScript's toFixed rounds the exact double. */
    private static String fixed(Object v) {
        return new java.math.BigDecimal(num(v)).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The drawing has a dot per landmark and seen keypoint, a line per skeleton edge between seen keypoints and per hand bone. */
    private static void assertGeometryDrawn(JsonPath analysis) {
        int landmarks = 0;
        for (Map<String, Object> face : analysis.<Map<String, Object>>getList("faces")) {
            landmarks += ((Map<?, ?>) face.get("landmarks")).size();
        }
        List<Map<String, Object>> bodies = analysis.getList("bodies") == null ? List.of() : analysis.getList("bodies");
        double minScore = bodies.isEmpty() ? 0 : analysis.getDouble("skeleton.minScore");
        List<List<String>> edges = bodies.isEmpty() ? List.of() : analysis.getList("skeleton.pose");
        int handEdges = bodies.isEmpty() ? 0 : analysis.getList("skeleton.hand").size();
        int joints = 0;
        int bones = 0;
        int handBones = 0;
        for (Map<String, Object> body : bodies) {
            Map<String, Double> score = new java.util.HashMap<>();
            for (Object k : (List<?>) body.get("keypoints")) {
                score.put((String) ((Map<?, ?>) k).get("part"), num(((Map<?, ?>) k).get("score")));
            }
            joints += (int) score.values().stream().filter(v -> v >= minScore).count();
            bones += (int) edges.stream().filter(e -> score.get(e.get(0)) >= minScore && score.get(e.get(1)) >= minScore).count();
            handBones += ((List<?>) body.get("hands")).size() * handEdges;
        }
        assertThat(browser.driver.findElements(By.cssSelector("#figure circle.landmark"))).as("landmark dots").hasSize(landmarks);
        assertThat(browser.driver.findElements(By.cssSelector("#figure g.body"))).as("people").hasSize(bodies.size());
        assertThat(browser.driver.findElements(By.cssSelector("#figure circle.joint"))).as("keypoint dots").hasSize(joints);
        assertThat(browser.driver.findElements(By.cssSelector("#figure line.bone"))).as("skeleton lines").hasSize(bones);
        assertThat(browser.driver.findElements(By.cssSelector("#figure line.hand-bone"))).as("hand lines").hasSize(handBones);
    }

    private static double num(Object v) {
        return ((Number) v).doubleValue();
    }
}

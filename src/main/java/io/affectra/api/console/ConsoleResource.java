package io.affectra.api.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The web console's page shells under {@code /console}. A page holds no data: its script (under
 * {@code /console/assets/}) calls the {@code /v1} API from the browser with the user's key, so the console is one more
 * client of the API and the shells can be served without a key.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private final Template page;

    public ConsoleResource(@Location("console/page.html") Template page) {
        this.page = page;
    }

    @GET
    public String analyse() {
        return render("analyse", "Analyse", Map.of());
    }

    @GET
    @Path("/analyses")
    public String analyses() {
        return render("analyses", "Analyses", Map.of());
    }

    @GET
    @Path("/analyses/{id}")
    public String analysis(@PathParam("id") String id) {
        return render("analysis", "Analysis " + id, Map.of("id", id));
    }

    @GET
    @Path("/experiments")
    public String experiments() {
        return render("experiments", "Experiments", Map.of());
    }

    @GET
    @Path("/experiments/{id}")
    public String experiment(@PathParam("id") String id) {
        return render("experiment", "Experiment " + id, Map.of("id", id));
    }

    @GET
    @Path("/experiments/{id}/cases/{caseKey}")
    public String experimentCase(@PathParam("id") String id, @PathParam("caseKey") String caseKey) {
        return render("case", "Case " + caseKey, Map.of("id", id, "case", caseKey));
    }

    @GET
    @Path("/evaluations")
    public String evaluations() {
        return render("evaluations", "Evaluations", Map.of());
    }

    @GET
    @Path("/evaluations/{id}")
    public String evaluation(@PathParam("id") String id) {
        return render("evaluation", "Evaluation " + id, Map.of("id", id));
    }

    @GET
    @Path("/prompts")
    public String prompts() {
        return render("prompts", "Prompts", Map.of());
    }

    @GET
    @Path("/encoders")
    public String encoders() {
        return render("encoders", "Encoders", Map.of());
    }

    /** The ids travel as data attributes (Qute escapes them), never as script text. */
    private String render(String view, String title, Map<String, String> ids) {
        return page.data("view", view).data("title", title).data("id", ids.getOrDefault("id", ""))
                .data("caseKey", ids.getOrDefault("case", "")).render();
    }
}

package io.barometer.command.response;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.barometer.command.attribution.AttributionHeaders;
import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.attribution.WriteHeaders;
import io.barometer.command.rules.Outcome;
import io.barometer.command.web.AppendsEvents;
import io.barometer.command.web.VersionedWrite;
import io.barometer.events.AgreementLevel;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.barometer.events.Motivation;
import io.barometer.events.ProgressStatus;
import io.barometer.events.RespondentRole;
import io.barometer.support.openapi.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A collectivité's answers in a campaign. Every write returns the response's new version as an ETag;
 * a write with a stale If-Match gets 412 and changes nothing.
 */
@RestController
@AppendsEvents
@RequestMapping("/api/campaigns/{campaign}/responses/{collectivite}")
@Tag(name = "responses")
@VersionedWrite
@AttributionHeaders
@Refusals({400, 403, 404, 409, 412, 413, 415, 422})
public class ResponseController {

    @Schema(example = """
            {"role": "ADMIN_STAFF", "worksInDigital": true, "organisation": "Direction du numérique"}""")
    public record ProfileRequest(@NotNull RespondentRole role, @NotNull Boolean worksInDigital, String organisation) {
    }

    @Schema(description = "The whole governance of a project: a field absent or null is \"not answered\".",
            example = """
            {"measure": 3, "means": 4, "managementMode": "REGIE", "decisionMode": "UNILATERAL",
             "coordination": "DEDICATED_TEAM"}""")
    public record GovernanceRequest(
            @Schema(description = "How its results are measured: 1 (no indicator) to 4 (a complete dashboard); "
                    + "the campaign's questionnaire gives each level's legend", minimum = "1", maximum = "4",
                    types = {"integer", "null"}) Integer measure,
            @Schema(description = "The means put in: 1 (no specific organisation or budget) to 4 (optimised, "
                    + "with a maintenance budget); legends in the questionnaire", minimum = "1", maximum = "4",
                    types = {"integer", "null"}) Integer means,
            ManagementMode managementMode, DecisionMode decisionMode, CoordinationMode coordination) {
        Governance toGovernance() {
            return new Governance(measure, means, managementMode, decisionMode, coordination);
        }
    }

    @Schema(description = "A project: either a `catalogueItem` of the campaign's list or a free `label`.", example = """
            {"project": "e877af74-8412-5b55-81f0-98bda11720fa", "domain": "energy_water_waste",
             "label": "Géolocalisation des bennes de collecte des déchets", "status": "IN_PROGRESS",
             "governance": {"measure": 1, "means": 2, "managementMode": "REGIE", "decisionMode": "MULTI_PARTNER",
              "coordination": "SINGLE_INTERNAL_LEAD"}}""")
    public record DeclareProjectRequest(
            @NotNull @Schema(format = "uuid", description = "Chosen by the client, so that a retry declares nothing twice")
            String project,
            @NotNull @Schema(allowableValues = {"education", "energy_water_waste", "leisure_culture",
                    "transport_mobility", "health_social", "security", "egov_ecitizenship", "buildings_urbanism",
                    "economic_development", "cross_cutting"}, description = "cross_cutting exists from 2014 on")
            String domain,
            @Schema(description = "A key of the domain's catalogue in the campaign's questionnaire") String catalogueItem,
            @Schema(maxLength = 300) String label,
            @Schema(description = "Absent: not answered") ProgressStatus status,
            @Valid GovernanceRequest governance) {
    }

    @Schema(example = """
            {"status": "IN_PROGRESS"}""")
    public record ProgressRequest(@NotNull ProgressStatus status) {
    }

    @Schema(example = """
            {"reason": "Doublon d'un projet de la liste"}""")
    public record WithdrawRequest(@Schema(maxLength = 500) String reason) {
    }

    @Schema(example = """
            {"ranking": ["SERVICE_QUALITY", "BUDGET_EFFICIENCY", "SUSTAINABLE_DEVELOPMENT", "ATTRACTIVENESS", "EXEMPLARITY"],
             "definitions": {"SERVICE_QUALITY": ["better_fit_to_user_expectations", "more_efficient_services",
              "easier_innovation"], "SUSTAINABLE_DEVELOPMENT": ["responsible_resource_management",
              "reduced_energy_consumption"]}}""")
    public record MotivationsRequest(
            @NotNull @Schema(description = "The five motivations, each once, first = rank 1")
            List<Motivation> ranking,
            @Schema(description = "Each motivation's definition keys, in rank order") Map<Motivation, List<String>> definitions) {
    }

    @Schema(example = """
            {"level": "STRONGLY_DISAGREE"}""")
    public record ActorRequest(@NotNull AgreementLevel level) {
    }

    public record ResponseWritten(String responseId, String project, long version, boolean changed) {
    }

    private final Dispatcher dispatcher;

    public ResponseController(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PutMapping
    @Operation(operationId = "startResponse", summary = "Start (join) a campaign", description = """
            The collectivité's respondents, admins. Starts its response; idempotent. A response started after the \
            campaign's closing is a late one, left out of views `asOf=closing`.""")
    @Refusals({400, 403, 404, 409, 412, 422})
    public ResponseEntity<ResponseWritten> start(@PathVariable String campaign, @PathVariable String collectivite,
                                                 WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(write, collectivite,
                new StartResponse(id, write.expectedVersion(), campaign, collectivite)), false);
    }

    @PutMapping("/profile")
    @Operation(operationId = "answerProfile", summary = "Answer the respondent profile", description = """
            The collectivité's respondents, admins. Sets who answers (role, whether they work in digital).""")
    public ResponseEntity<ResponseWritten> profile(@PathVariable String campaign, @PathVariable String collectivite,
                                                   @Valid @RequestBody ProfileRequest body, WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(write, collectivite, new AnswerProfile(id, write.expectedVersion(), body.role(),
                body.worksInDigital(), body.organisation())), false);
    }

    @PostMapping("/projects")
    @Operation(operationId = "declareProject", summary = "Declare a project", description = """
            The collectivité's respondents, admins. Declares a project in a domain, with its status and governance \
            if known. The client chooses its UUID: declaring it again with the same values changes nothing (200).""")
    @ApiResponse(responseCode = "201", description = "Declared.", headers = @Header(name = "Location",
            description = "The project's URI, the target of its progress, governance and withdrawal",
            schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "200", description = "Already declared with these values: nothing changed.")
    public ResponseEntity<ResponseWritten> declare(@PathVariable String campaign, @PathVariable String collectivite,
                                                   @Valid @RequestBody DeclareProjectRequest body, WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        Governance governance = body.governance() == null ? null : body.governance().toGovernance();
        return written(id, body.project(), send(write, collectivite, new DeclareProject(id, write.expectedVersion(),
                body.project(), body.domain(), body.catalogueItem(), body.label(), body.status(), governance)), true);
    }

    @PutMapping("/projects/{project}/progress")
    @Operation(operationId = "updateProgress", summary = "Update a project's progress", description = """
            The collectivité's respondents, admins. Sets the project's status.""")
    public ResponseEntity<ResponseWritten> progress(@PathVariable String campaign, @PathVariable String collectivite,
                                                    @PathVariable String project, @Valid @RequestBody ProgressRequest body,
                                                    WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        return written(id, project, send(write, collectivite,
                new UpdateProgress(id, write.expectedVersion(), project, body.status())), false);
    }

    @PutMapping("/projects/{project}/governance")
    @Operation(operationId = "scoreGovernance", summary = "Score a project's governance", description = """
            The collectivité's respondents, admins. Replaces the project's whole governance: a field absent or null \
            becomes \"not answered\".""")
    public ResponseEntity<ResponseWritten> governance(@PathVariable String campaign, @PathVariable String collectivite,
                                                      @PathVariable String project, @RequestBody GovernanceRequest body,
                                                      WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        return written(id, project, send(write, collectivite,
                new ScoreGovernance(id, write.expectedVersion(), project, body.toGovernance())), false);
    }

    @DeleteMapping("/projects/{project}")
    @Operation(operationId = "withdrawProject", summary = "Withdraw a project", description = """
            The collectivité's respondents, admins. The project leaves the questionnaire and the statistics from \
            now on; views as of an earlier cut-off still show it. The body, with a reason, is optional.""")
    public ResponseEntity<ResponseWritten> withdraw(@PathVariable String campaign, @PathVariable String collectivite,
                                                    @PathVariable String project,
                                                    @RequestBody(required = false) WithdrawRequest body,
                                                    WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        String bodyReason = body == null ? null : body.reason();
        String reason = bodyReason != null ? bodyReason : write.reason();
        // The audit shows a withdrawal's reason like any change's: it goes into the metadata too.
        return written(id, project, dispatcher.send(new WithdrawProject(id, write.expectedVersion(), project, reason),
                write.forAnswer(collectivite, bodyReason)), false);
    }

    @PutMapping("/motivations")
    @Operation(operationId = "rankMotivations", summary = "Rank the motivations", description = """
            The collectivité's respondents, admins. Ranks the five motivations (a permutation) and, for each, \
            its definitions (a permutation of those the questionnaire lists).""")
    public ResponseEntity<ResponseWritten> motivations(@PathVariable String campaign, @PathVariable String collectivite,
                                                       @Valid @RequestBody MotivationsRequest body,
                                                       WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(write, collectivite,
                new RankMotivations(id, write.expectedVersion(), body.ranking(), body.definitions())), false);
    }

    @PutMapping("/actors/{statement}")
    @Operation(operationId = "rateActorStatement", summary = "Rate an actor statement", description = """
            The collectivité's respondents, admins. Rates one statement of the questionnaire on the 4-level scale.""")
    public ResponseEntity<ResponseWritten> actor(@PathVariable String campaign, @PathVariable String collectivite,
                                                 @PathVariable String statement, @Valid @RequestBody ActorRequest body,
                                                 WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(write, collectivite,
                new RateActorStatement(id, write.expectedVersion(), statement, body.level())), false);
    }

    @PostMapping("/submit")
    @Operation(operationId = "submitResponse", summary = "Submit the response", description = """
            The collectivité's respondents, admins. Marks the response complete; changing it afterwards needs an \
            admin to reopen it (409 until then).""")
    @Refusals({400, 403, 404, 409, 412, 422})
    public ResponseEntity<ResponseWritten> submit(@PathVariable String campaign, @PathVariable String collectivite,
    WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(write, collectivite, new SubmitResponse(id, write.expectedVersion())), false);
    }

    @PostMapping("/reopen")
    @Operation(operationId = "reopenResponse", summary = "Reopen a submitted response", description = """
            Admins. Lets the collectivité's respondents change a submitted response again.""")
    @Refusals({400, 403, 404, 409, 412, 422})
    public ResponseEntity<ResponseWritten> reopen(@PathVariable String campaign, @PathVariable String collectivite,
    WriteHeaders write) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(write, collectivite, new ReopenResponse(id, write.expectedVersion())), false);
    }

    private Outcome send(WriteHeaders write, String collectivite, Object command) {
        return dispatcher.send(command, write.forAnswer(collectivite));
    }

    private static ResponseEntity<ResponseWritten> written(String responseId, String project, Outcome outcome,
                                                           boolean creates) {
        boolean created = creates && outcome.changed();
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag("\"" + outcome.version() + "\"");
        if (created) {
            // The declared project's own URI: the one its progress, governance and withdrawal hang from.
            reply.location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{project}").buildAndExpand(project)
                    .toUri());
        }
        return reply
                .body(new ResponseWritten(responseId, project, outcome.version(), outcome.changed()));
    }
}

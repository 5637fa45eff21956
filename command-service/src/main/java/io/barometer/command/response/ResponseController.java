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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.barometer.command.attribution.Dispatcher;
import io.barometer.command.attribution.RequestAttribution;
import io.barometer.command.rules.Outcome;
import io.barometer.command.web.ApiException;
import io.barometer.events.AgreementLevel;
import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.barometer.events.Motivation;
import io.barometer.events.ProgressStatus;
import io.barometer.events.RespondentRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A collectivité's answers in a campaign. Every write returns the response's new version as an ETag;
 * a write with a stale If-Match gets 412 and changes nothing.
 */
@RestController
@RequestMapping("/api/campaigns/{campaign}/responses/{collectivite}")
public class ResponseController {

    public record ProfileRequest(@NotNull RespondentRole role, @NotNull Boolean worksInDigital, String organisation) {
    }

    public record GovernanceRequest(Integer measure, Integer means, ManagementMode managementMode,
                                    DecisionMode decisionMode, CoordinationMode coordination) {
        Governance toGovernance() {
            return new Governance(measure, means, managementMode, decisionMode, coordination);
        }
    }

    public record DeclareProjectRequest(@NotNull String project, @NotNull String domain, String catalogueItem,
                                        String label, ProgressStatus status, @Valid GovernanceRequest governance) {
    }

    public record ProgressRequest(@NotNull ProgressStatus status) {
    }

    public record WithdrawRequest(String reason) {
    }

    public record MotivationsRequest(@NotNull List<Motivation> ranking, Map<Motivation, List<String>> definitions) {
    }

    public record ActorRequest(@NotNull AgreementLevel level) {
    }

    public record ResponseWritten(String responseId, String project, long version, boolean changed) {
    }

    private final Dispatcher dispatcher;
    private final RequestAttribution attribution;

    public ResponseController(Dispatcher dispatcher, RequestAttribution attribution) {
        this.dispatcher = dispatcher;
        this.attribution = attribution;
    }

    @PutMapping
    public ResponseEntity<ResponseWritten> start(@PathVariable String campaign, @PathVariable String collectivite,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(request, collectivite,
                new StartResponse(id, expected(ifMatch), campaign, collectivite)), false);
    }

    @PutMapping("/profile")
    public ResponseEntity<ResponseWritten> profile(@PathVariable String campaign, @PathVariable String collectivite,
                                                   @Valid @RequestBody ProfileRequest body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(request, collectivite, new AnswerProfile(id, expected(ifMatch), body.role(),
                body.worksInDigital(), body.organisation())), false);
    }

    @PostMapping("/projects")
    public ResponseEntity<ResponseWritten> declare(@PathVariable String campaign, @PathVariable String collectivite,
                                                   @Valid @RequestBody DeclareProjectRequest body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        Governance governance = body.governance() == null ? null : body.governance().toGovernance();
        return written(id, body.project(), send(request, collectivite, new DeclareProject(id, expected(ifMatch),
                body.project(), body.domain(), body.catalogueItem(), body.label(), body.status(), governance)), true);
    }

    @PutMapping("/projects/{project}/progress")
    public ResponseEntity<ResponseWritten> progress(@PathVariable String campaign, @PathVariable String collectivite,
                                                    @PathVariable String project, @Valid @RequestBody ProgressRequest body,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                    HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        return written(id, project, send(request, collectivite,
                new UpdateProgress(id, expected(ifMatch), project, body.status())), false);
    }

    @PutMapping("/projects/{project}/governance")
    public ResponseEntity<ResponseWritten> governance(@PathVariable String campaign, @PathVariable String collectivite,
                                                      @PathVariable String project, @RequestBody GovernanceRequest body,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                      HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        return written(id, project, send(request, collectivite,
                new ScoreGovernance(id, expected(ifMatch), project, body.toGovernance())), false);
    }

    @DeleteMapping("/projects/{project}")
    public ResponseEntity<ResponseWritten> withdraw(@PathVariable String campaign, @PathVariable String collectivite,
                                                    @PathVariable String project,
                                                    @RequestBody(required = false) WithdrawRequest body,
                                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                    HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        String bodyReason = body == null ? null : body.reason();
        String reason = bodyReason != null ? bodyReason : RequestAttribution.reasonHeader(request);
        // The audit shows a withdrawal's reason like any change's: it goes into the metadata too.
        return written(id, project, dispatcher.send(new WithdrawProject(id, expected(ifMatch), project, reason),
                attribution.forAnswer(request, collectivite, bodyReason)), false);
    }

    @PutMapping("/motivations")
    public ResponseEntity<ResponseWritten> motivations(@PathVariable String campaign, @PathVariable String collectivite,
                                                       @Valid @RequestBody MotivationsRequest body,
                                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                       HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(request, collectivite,
                new RankMotivations(id, expected(ifMatch), body.ranking(), body.definitions())), false);
    }

    @PutMapping("/actors/{statement}")
    public ResponseEntity<ResponseWritten> actor(@PathVariable String campaign, @PathVariable String collectivite,
                                                 @PathVariable String statement, @Valid @RequestBody ActorRequest body,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(request, collectivite,
                new RateActorStatement(id, expected(ifMatch), statement, body.level())), false);
    }

    @PostMapping("/submit")
    public ResponseEntity<ResponseWritten> submit(@PathVariable String campaign, @PathVariable String collectivite,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                  HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(request, collectivite, new SubmitResponse(id, expected(ifMatch))), false);
    }

    @PostMapping("/reopen")
    public ResponseEntity<ResponseWritten> reopen(@PathVariable String campaign, @PathVariable String collectivite,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                  HttpServletRequest request) {
        String id = Response.id(campaign, collectivite);
        return written(id, null, send(request, collectivite, new ReopenResponse(id, expected(ifMatch))), false);
    }

    private Outcome send(HttpServletRequest request, String collectivite, Object command) {
        return dispatcher.send(command, attribution.forAnswer(request, collectivite));
    }

    /** If-Match carries the version of an earlier ETag; Axon checks it against the aggregate (0-based). */
    static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.equals("*")) {
            return null;
        }
        String value = ifMatch.startsWith("W/") ? ifMatch.substring(2) : ifMatch;
        value = value.replace("\"", "").trim();
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version - 1;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("If-Match", "must be the ETag of an earlier write, e.g. \"12\"");
        }
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

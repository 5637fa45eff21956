package io.barometer.query.replay;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.barometer.support.openapi.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** POST /api/admin/replay rebuilds the projections; GET shows each processor's position against the head. */
@RestController
@Tag(name = "replay")
@Refusals(403)
public class ReplayController {

    private final Projections projections;

    public ReplayController(Projections projections) {
        this.projections = projections;
    }

    @PostMapping("/api/admin/replay")
    @Operation(operationId = "startReplay", summary = "Rebuild the projections", description = """
            Admins. Starts rebuilding every projection from the event store; the views answer from the rebuilt \
            tables as they catch up. Follow it with `GET /api/admin/replay`.""")
    @ApiResponse(responseCode = "202", description = "Started; the body is each processor's position.")
    public ResponseEntity<Projections.Status> replay() {
        projections.replay();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.status());
    }

    @GetMapping("/api/admin/replay")
    @Operation(operationId = "getReplayStatus", summary = "How far the projections are", description = """
            Admins. Each event processor's position against the head of the event store, and whether all have \
            caught up.""")
    public Projections.Status status() {
        return projections.status();
    }
}

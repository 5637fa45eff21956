package io.barometer.query.replay;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/admin/replay rebuilds the projections; GET shows each processor's position against the head. */
@RestController
public class ReplayController {

    private final Projections projections;

    public ReplayController(Projections projections) {
        this.projections = projections;
    }

    @PostMapping("/api/admin/replay")
    public ResponseEntity<Projections.Status> replay() {
        projections.replay();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.status());
    }

    @GetMapping("/api/admin/replay")
    public Projections.Status status() {
        return projections.status();
    }
}

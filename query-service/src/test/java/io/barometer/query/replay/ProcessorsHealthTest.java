package io.barometer.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.TreeMap;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class ProcessorsHealthTest {

    private static StreamingEventProcessor processor(boolean running, boolean error) {
        StreamingEventProcessor p = mock(StreamingEventProcessor.class);
        when(p.isRunning()).thenReturn(running);
        when(p.isError()).thenReturn(error);
        return p;
    }

    private static ProcessorsHealth health(Map<String, StreamingEventProcessor> processors) {
        Projections projections = mock(Projections.class);
        when(projections.processors()).thenReturn(new TreeMap<>(processors));
        return new ProcessorsHealth(projections);
    }

    @Test
    void upWhileEveryProcessorRuns() {
        var h = health(Map.of("history", processor(true, false))).health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("history", "running");
    }

    @Test
    void downWhenAProcessorStoppedOrFails() {
        assertThat(health(Map.of("history", processor(false, false))).health().getStatus()).isEqualTo(Status.DOWN);
        var failing = health(Map.of("history", processor(true, true))).health();
        assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
        assertThat(failing.getDetails()).containsEntry("history", "error");
    }
}

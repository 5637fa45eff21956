package io.barometer.command.web;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds {@code X-Event-Position} to the answers of the controllers that append events: the head of the store once
 * the request's events are committed, so at or past every event it appended. Axon does not hand back the global
 * index it assigned; the head costs one backward step of the primary key's index, and a position past the
 * request's own events only makes a reader wait for a few more, never see less.
 */
@RestControllerAdvice(annotations = AppendsEvents.class)
public class EventPosition implements ResponseBodyAdvice<Object> {

    public static final String HEADER = "X-Event-Position";

    private final EventStore events;

    public EventPosition(EventStore events) {
        this.events = events;
    }

    /** The highest position in the store now; 0 when it is empty. */
    public long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        response.getHeaders().set(HEADER, Long.toString(head()));
        return body;
    }
}

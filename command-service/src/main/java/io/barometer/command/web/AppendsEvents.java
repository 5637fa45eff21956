package io.barometer.command.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller whose answers carry {@code X-Event-Position} ({@link EventPosition}): the position a reader passes
 * to query-service as {@code minPosition} to see what the request wrote. Read by the API documents too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AppendsEvents {
}

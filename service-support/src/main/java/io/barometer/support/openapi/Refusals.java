package io.barometer.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem+json statuses a route may answer besides 401, which every route that needs a token may answer.
 * {@link ApiDocs#refusals()} turns them into documented responses, so that a handler lists its refusals on one line.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Refusals {

    int[] value();
}

package io.barometer.command.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write to a response: it takes the version a client last saw in {@code If-Match} and answers the new one in
 * an {@code ETag}. Read by the API documents ({@link ApiDocsConfig}); the controller does the work.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface VersionedWrite {
}

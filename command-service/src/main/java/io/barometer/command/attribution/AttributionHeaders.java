package io.barometer.command.attribution;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write whose attribution {@link RequestAttribution} reads from headers: X-Effective-At and X-Change-Reason,
 * and X-On-Behalf-Of on a respondent's answers. Read by the API documents, which describe those headers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AttributionHeaders {

    /** Whether an admin may enter this write on a collectivité's behalf (only answers can be). */
    boolean onBehalfOf() default true;
}

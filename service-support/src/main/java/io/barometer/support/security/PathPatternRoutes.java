package io.barometer.support.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import jakarta.servlet.Filter;

/**
 * Route rules matched as path patterns, without a handler lookup per request.
 * <p>
 * By default Spring Security 6 matches each {@code requestMatchers("/api/…")} rule through Spring MVC's
 * HandlerMappingIntrospector, and so puts a filter before the security chain that looks up every request's
 * handler once more, to cache it for those matchers; DispatcherServlet then looks it up again for itself.
 * Profiled on the write path, that first lookup was a twentieth of command-service's CPU. Spring Security 6.5
 * offers to match the same rules as PathPatterns (the default of Spring Security 7): with that, nothing reads
 * the cached lookup any more, so the introspector's cache filter is made a pass-through.
 */
public final class PathPatternRoutes {

    private PathPatternRoutes() {
    }

    /** Declared as a (static) bean, it swaps Spring MVC's introspector for one whose cache filter does nothing. */
    public static BeanPostProcessor introspectorWithoutCacheFilter() {
        return new IntrospectorSwap();
    }

    private static final class IntrospectorSwap implements BeanPostProcessor, ApplicationContextAware {

        private ApplicationContext context;

        @Override
        public void setApplicationContext(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean.getClass() != HandlerMappingIntrospector.class) {
                return bean;
            }
            // Still the introspector for CORS and anything else that asks it; the container initialises it next.
            HandlerMappingIntrospector swapped = new WithoutCacheFilter();
            swapped.setApplicationContext(context);
            return swapped;
        }
    }

    private static final class WithoutCacheFilter extends HandlerMappingIntrospector {
        @Override
        public Filter createCacheFilter() {
            return (request, response, chain) -> chain.doFilter(request, response);
        }
    }
}

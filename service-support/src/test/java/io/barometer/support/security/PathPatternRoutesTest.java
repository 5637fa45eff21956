package io.barometer.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import jakarta.servlet.Filter;

class PathPatternRoutesTest {

    @Test
    void swapsSpringMvcsIntrospectorForOneWhoseCacheFilterOnlyPassesTheRequestOn() throws Exception {
        BeanPostProcessor swap = PathPatternRoutes.introspectorWithoutCacheFilter();
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.refresh();
            ((ApplicationContextAware) swap).setApplicationContext(context);

            Object other = new Object();
            assertThat(swap.postProcessBeforeInitialization(other, "other")).isSameAs(other);

            Object swapped = swap.postProcessBeforeInitialization(new HandlerMappingIntrospector(), "mvcHandlerMappingIntrospector");
            assertThat(swapped).isInstanceOf(HandlerMappingIntrospector.class).isNotExactlyInstanceOf(HandlerMappingIntrospector.class);
            // Initialised as the container would: it still answers for the handler mappings it finds.
            ((HandlerMappingIntrospector) swapped).afterPropertiesSet();
            assertThat(((HandlerMappingIntrospector) swapped).getHandlerMappings()).isNotEmpty();

            Filter filter = ((HandlerMappingIntrospector) swapped).createCacheFilter();
            MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/campaigns/c/responses/r");
            AtomicInteger passed = new AtomicInteger();
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                assertThat(req).isSameAs(request);
                passed.incrementAndGet();
            });
            assertThat(passed).hasValue(1);
            assertThat(request.getAttributeNames().hasMoreElements()).isFalse();
        }
    }
}

package io.barometer.command.attribution;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;

/** Gives every write handler that asks for them its {@link WriteHeaders}, instead of a header parameter each. */
@Component
public class WriteHeadersResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final RequestAttribution attribution;

    public WriteHeadersResolver(RequestAttribution attribution) {
        this.attribution = attribution;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WriteHeaders.class;
    }

    @Override
    public WriteHeaders resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                        NativeWebRequest request, WebDataBinderFactory binders) {
        return new WriteHeaders(request.getNativeRequest(HttpServletRequest.class), attribution);
    }
}

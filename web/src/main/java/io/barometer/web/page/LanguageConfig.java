package io.barometer.web.page;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * French first, English second: a person's choice (the header's switch, {@code ?lang=en}) is kept in a
 * cookie; without one, English only when the browser prefers it to French.
 */
@Configuration
public class LanguageConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                return Locale.FRENCH;
            }
            for (var e = request.getLocales(); e.hasMoreElements(); ) {
                String language = e.nextElement().getLanguage();
                if (language.equals("fr") || language.equals("en")) {
                    return Locale.forLanguageTag(language);
                }
            }
            return Locale.FRENCH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}

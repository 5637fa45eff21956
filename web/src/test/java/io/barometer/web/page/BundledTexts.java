package io.barometer.web.page;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The page's real words (messages*.properties) as the application reads them, without a Spring context. */
public final class BundledTexts {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private BundledTexts() {
    }

    public static Texts in(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        // Spring Boot reads the bundles as UTF-8; a bare message source would read them as ISO-8859-1.
        messages.setDefaultEncoding("UTF-8");
        // As in application.yml: a French page must not turn English because the machine's locale is.
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages, locale, PARIS);
    }
}

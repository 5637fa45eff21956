package io.barometer.web.page;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** The page's words in the person's language (messages.properties: French; messages_en.properties: English). */
public final class Texts {

    /** The name query-service gives every change of an erased person (issue #23), in its own words. */
    public static final String ERASED = "personne effacée";

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    public Texts(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** An instant as the person reads it, in the survey's time zone ("12 mars 2014 à 14:02"). */
    public String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(get("format.dateTime"), locale).format(instant.atZone(zone));
    }

    /** A day as the person reads it ("15 mars 2014"). */
    public String day(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(get("format.date"), locale).format(instant.atZone(zone));
    }

    public String time(LocalTime time) {
        return time == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale).format(time);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Who made a change, by the name query-service put beside its person id: an erased person by the start of
     * that id ("personne effacée (3f2a9c1b)"), so that their changes still read as one person's; the id as it
     * is when no person bears it.
     */
    public String person(String name, String id) {
        if (ERASED.equals(name)) {
            return get("person.erased", id == null ? "?" : id.substring(0, Math.min(8, id.length())));
        }
        if (name != null && !name.isBlank()) {
            return name;
        }
        return id == null ? "—" : id;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A key's text when the bundle has one, else the fallback (e.g. a questionnaire's own label). */
    public String orElse(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }
}

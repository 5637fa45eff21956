package io.barometer.web.page;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.barometer.web.security.SignedIn;
import io.barometer.web.security.SignedInNames;
import jakarta.servlet.http.HttpServletRequest;

/** Builds each page's {@link Page} from the request. */
@Component
public class Pages {

    private final MessageSource messages;
    private final SignedInNames names;
    private final ZoneId zone;

    public Pages(MessageSource messages, SignedInNames names, @Value("${barometer.zone:Europe/Paris}") String zone) {
        this.messages = messages;
        this.names = names;
        this.zone = ZoneId.of(zone);
    }

    public Page of(HttpServletRequest request, String titleKey, Object... titleArgs) {
        Texts t = texts(request);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String path = request.getRequestURI() + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString().replaceAll("(^|&)lang=[a-z]*", "").replaceFirst("^&", ""));
        if (path.endsWith("?")) {
            path = path.substring(0, path.length() - 1);
        }
        SignedIn user = SignedIn.current();
        String userName = user == null ? null : names.of(user).orElse(null);
        return new Page(t.get(titleKey, titleArgs), t, user, userName,
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "" : csrf.getToken(), path);
    }

    /** The survey's time zone (barometer.zone), in which dates are typed and shown. */
    public ZoneId zone() {
        return zone;
    }

    public Texts texts(HttpServletRequest request) {
        return new Texts(messages, RequestContextUtils.getLocale(request), zone);
    }
}

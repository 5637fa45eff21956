package io.barometer.web.page;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.HandlerMapping;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.SignedOut;
import io.barometer.web.security.Forbidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a person sees when a page cannot be shown: 403 (nothing of the page leaked), 404, the services'
 * refusals in their words, and an ended session sent back to the sign-in page.
 */
@ControllerAdvice
@Controller
public class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Pages pages;

    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(Forbidden.class)
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(HttpStatus.FORBIDDEN, "error.forbidden", null, request, response, model);
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem p, HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = switch (p.status()) {
            case 403 -> HttpStatus.FORBIDDEN;
            case 404 -> HttpStatus.NOT_FOUND;
            case 409, 412, 422, 400 -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_GATEWAY;
        };
        if (status == HttpStatus.BAD_GATEWAY) {
            // The route's pattern, not its path: a path may carry a username (an account's page), and no log line
            // names a person (issue 23).
            log.warn("A service refused {} {}: {} {}", request.getMethod(),
                    request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), p.status(), p.getMessage());
        }
        String key = switch (status) {
            case FORBIDDEN -> "error.forbidden";
            case NOT_FOUND -> "error.notFound";
            case CONFLICT -> "error.refused";
            default -> "error.unavailable";
        };
        return page(status, key, status == HttpStatus.CONFLICT ? p.getMessage() : null, request, response, model);
    }

    @ExceptionHandler(SignedOut.class)
    void signedOut(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        new SecurityContextLogoutHandler().logout(request, response, null);
        String target = "/login?expired";
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", target);
        } else {
            response.sendRedirect(target);
        }
    }

    @ExceptionHandler(org.springframework.web.client.RestClientException.class)
    String unreachable(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.warn("A service could not be reached: {}", e.toString());
        return page(HttpStatus.BAD_GATEWAY, "error.unavailable", null, request, response, model);
    }

    @RequestMapping("/error/forbidden")
    String forbiddenPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(HttpStatus.FORBIDDEN, "error.forbidden", null, request, response, model);
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String key = status == HttpStatus.NOT_FOUND ? "error.notFound" : status == HttpStatus.FORBIDDEN
                ? "error.forbidden" : status.is4xxClientError() ? "error.badRequest" : "error.unexpected";
        return page(status, key, null, request, response, model);
    }

    private String page(HttpStatus status, String key, String detail, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        if ("true".equals(request.getHeader("HX-Request"))) {
            // htmx swaps only successful answers: say it in the page's alert region instead.
            response.setStatus(HttpStatus.OK.value());
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            model.addAttribute("t", pages.texts(request));
            model.addAttribute("key", key);
            model.addAttribute("detail", detail);
            return "alert";
        }
        model.addAttribute("page", pages.of(request, key));
        model.addAttribute("status", status.value());
        model.addAttribute("key", key);
        model.addAttribute("detail", detail);
        return "error";
    }
}

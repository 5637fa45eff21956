package io.barometer.command.web;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Bounds request bodies: small for answers, larger for an NDJSON import. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeFilter extends OncePerRequestFilter {

    private final long bodyBytes;
    private final long importBytes;
    private final ObjectMapper json;

    public BodySizeFilter(@Value("${barometer.limits.body-bytes}") long bodyBytes,
                          @Value("${barometer.limits.import-bytes}") long importBytes, ObjectMapper json) {
        this.bodyBytes = bodyBytes;
        this.importBytes = importBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().equals("/api/import") ? importBytes : bodyBytes;
        long length = request.getContentLengthLong();
        if (length > limit || (length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))
                && limit == bodyBytes)) {
            var problem = ProblemHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body exceeds " + limit + " bytes",
                    List.of(new ProblemHandler.FieldError("body", "too large"))).getBody();
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}

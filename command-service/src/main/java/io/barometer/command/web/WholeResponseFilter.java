package io.barometer.command.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Sends each of the service's small answers whole: one write with a Content-Length instead of a chunked
 * body. Spring's JSON converter flushes the servlet stream after every body; that flush committed the answer
 * before Tomcat knew its length, so the body went out chunked and its closing chunk took a second write and a
 * second packet, which the client waited for. Flushes are ignored here: Tomcat sends the answer when the
 * request ends, with its length, or as soon as it outgrows Tomcat's buffer (8 KB), chunked as before. No
 * endpoint of this service streams.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new WholeResponse(response));
    }

    private static final class WholeResponse extends HttpServletResponseWrapper {

        private ServletOutputStream stream;

        WholeResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new UnflushedStream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public void flushBuffer() {
            // Tomcat flushes when the request ends (see the class comment).
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream out;

        UnflushedStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            // Tomcat flushes when the request ends (see the class comment).
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}

package io.clusterless.local.endpoint;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * Reads each request body to its end, so Jetty never finishes an answer with part of a body unread. s3proxy stops
 * reading an aws-chunked body (what the AWS SDKs send over plain HTTP by default) after the data, leaving the closing
 * frame and checksum trailer (about 200 bytes, the whole stream for an empty object), and answers refused writes
 * without reading at all. Jetty cannot reuse such a connection: it closes it, sometimes after an answer that already
 * promised keep-alive, or while the client is still writing; a client that pools it fails its next request ("Error
 * writing request body to server", "Unexpected end of file from server").
 *
 * <p>The first byte is read before s3proxy sees the request: that sends any {@code 100 Continue} the client waits
 * for, so the client sends its whole body whatever s3proxy answers, and reading the rest afterwards cannot wait on a
 * client that holds its body back for an answer it already has. On loopback the bytes are already on their way.
 */
final class ReadWholeBodyFilter implements Filter {
    private static final int BUFFER = 8192;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !carriesBody(http)) {
            chain.doFilter(request, response);
            return;
        }
        ServletInputStream body = request.getInputStream();
        int first = body.read();
        try {
            chain.doFilter(new ReadAheadRequest(http, new ReadAheadStream(first, body)), response);
        } finally {
            readToEnd(body);
        }
    }

    private static boolean carriesBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static void readToEnd(ServletInputStream body) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (body.read(buffer) >= 0) {
            // the rest of the body is not wanted; reading it is what lets the connection be reused
        }
    }

    /** The request as s3proxy sees it: its body starts with the byte read ahead. */
    private static final class ReadAheadRequest extends HttpServletRequestWrapper {
        private final ServletInputStream body;

        ReadAheadRequest(HttpServletRequest request, ServletInputStream body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }
    }

    /** Gives back the byte read ahead (or the end, if the body was empty after all), then reads on. */
    private static final class ReadAheadStream extends ServletInputStream {
        private final ServletInputStream rest;
        private int first;

        ReadAheadStream(int first, ServletInputStream rest) {
            this.first = first;
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            if (first == -1) {
                return rest.read();
            }
            int b = first;
            first = -1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (first == -1) {
                return rest.read(buffer, offset, length);
            }
            buffer[offset] = (byte) first;
            first = -1;
            return 1;
        }

        @Override
        public int available() throws IOException {
            return (first == -1 ? 0 : 1) + rest.available();
        }

        @Override
        public boolean isFinished() {
            return first == -1 && rest.isFinished();
        }

        @Override
        public boolean isReady() {
            return first != -1 || rest.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            rest.setReadListener(listener);
        }
    }
}

package org.leadingtogether.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Style sheets, scripts, fonts and images, compressed once and then served from memory.
 *
 * <p>Why: every new visitor fetches PrimeFaces' scripts and the portal's style sheet once (they are then kept for a
 * year, {@link VersionedResources}). Served the ordinary way, each fetch reads the file out of its jar, runs it through
 * Faces and compresses it again on the way out: over a megabyte to compress for every new visitor, which a cohort
 * signing in at once (the Monday-morning rush, README) turned into a good part of two cores. A resource's address
 * carries its library's release or its content digest, so what an address answers never changes while the portal
 * runs; the first answer is kept, compressed, and replayed with its headers.
 *
 * <p>Only a plain {@code GET} that accepts gzip and succeeded (200) is kept, and only text and images of the kinds
 * listed, each up to {@link #LARGEST} bytes, at most {@link #MOST} of them and {@link #MOST_BYTES} in all; anything
 * else (a conditional request, the dynamic content of a chart or download, a 304, a missing resource) goes through
 * Faces as before. The same in every instance of a cluster: nothing here depends on who asks.
 */
@WebFilter(filterName = "CompressedResources", urlPatterns = "/jakarta.faces.resource/*")
public class CompressedResources extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The largest resource kept: PrimeFaces' biggest script, components.js, is about 550 kB before compression. */
    static final int LARGEST = 1024 * 1024;
    /** How many resources are kept at most (the portal's pages use a few dozen). */
    static final int MOST = 500;
    /**
     * How many compressed bytes are kept at most (the portal's pages use about 300 kB): addresses with made-up query
     * parameters are distinct addresses, and must not be able to fill the memory.
     */
    static final long MOST_BYTES = 16L * 1024 * 1024;

    private static final Set<String> KINDS = Set.of("text/css", "application/javascript", "text/javascript",
            "image/svg+xml", "application/json", "font/ttf", "application/x-font-ttf", "font/woff", "application/font-woff");
    /** Headers this filter sets itself, or that belong to one response only. */
    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "content-encoding", "transfer-encoding",
            "date", "set-cookie", "vary", "connection");

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();

    /** A resource as first answered: its headers, and its body compressed. */
    record Kept(Map<String, String> headers, byte[] gzipped) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) || !acceptsGzip(request)
                || request.getHeader("If-Modified-Since") != null || request.getHeader("If-None-Match") != null
                || request.getRequestURI().contains("dynamiccontent")) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + '?' + request.getQueryString();
        Kept resource = kept.get(key);
        if (resource == null) {
            Capture capture = new Capture(response);
            chain.doFilter(request, capture);
            resource = capture.keep(response);
            if (resource == null) {
                capture.passOn(response);
                return;
            }
            keep(key, resource);
        }
        send(resource, response);
    }

    private void keep(String key, Kept resource) {
        if (kept.size() >= MOST) {
            return;
        }
        int size = resource.gzipped().length;
        if (keptBytes.addAndGet(size) > MOST_BYTES || kept.putIfAbsent(key, resource) != null) {
            keptBytes.addAndGet(-size);
        }
    }

    private static void send(Kept resource, HttpServletResponse response) throws IOException {
        resource.headers().forEach(response::setHeader);
        response.setHeader("Content-Encoding", "gzip");
        response.setHeader("Vary", "Accept-Encoding");
        response.setContentLength(resource.gzipped().length);
        response.getOutputStream().write(resource.gzipped());
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    static boolean keepable(int status, String contentType, int size) {
        if (status != HttpServletResponse.SC_OK || contentType == null || size > LARGEST) {
            return false;
        }
        String kind = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return KINDS.contains(kind);
    }

    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 3));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }

    /** Keeps the body written through it; headers go straight to the response. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        private int status = SC_OK;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            status = SC_FOUND;
            super.sendRedirect(location);
        }

        @Override
        public void setContentLength(int len) {
            // the length is set when the body is sent
        }

        @Override
        public void setContentLengthLong(long len) {
            // the length is set when the body is sent
        }

        @Override
        public void flushBuffer() {
            // nothing leaves before the body is complete
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("A resource is written at once");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }

        private byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return body.toByteArray();
        }

        /** The resource to keep, or null when it is not one to keep. */
        Kept keep(HttpServletResponse response) throws IOException {
            byte[] bytes = bytes();
            if (response.isCommitted() || !keepable(status, response.getContentType(), bytes.length)) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : response.getHeaderNames()) {
                if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, response.getHeader(name));
                }
            }
            headers.put("Content-Type", response.getContentType());
            return new Kept(Map.copyOf(headers), gzip(bytes));
        }

        /** Sends what was written, unchanged, for a response that is not kept. */
        void passOn(HttpServletResponse response) throws IOException {
            byte[] bytes = bytes();
            if (bytes.length > 0 && !response.isCommitted()) {
                response.setContentLength(bytes.length);
            }
            if (bytes.length > 0) {
                response.getOutputStream().write(bytes);
            }
        }
    }
}

package com.customer360.command.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a plain socket, for tests that must send what {@link java.net.http.HttpClient} refuses to:
 * raw bytes in the path, any header name and value, a chunked body of any size, no {@code Content-Type} at all.
 */
final class RawHttp {

    /** One request, sent exactly as given; header values and the target are written as UTF-8 bytes. */
    record Request(
            String method, String target, List<Map.Entry<String, String>> headers, byte[] body, boolean chunked) {

        Request {
            headers = List.copyOf(headers);
        }

        @Override
        public String toString() {
            String text = body == null ? "<no body>" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(target, 300) + " " + headers + (chunked ? " chunked " : " ")
                    + abbreviate(text, 600);
        }
    }

    /** What came back; header names in lower case. */
    record Response(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final int port;
    private final String authorization;

    /** @param authorization sent with every request that brings no {@code Authorization} header of its own */
    RawHttp(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    Response send(Request request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head(request));
                if (request.body() != null) {
                    writeBody(out, request);
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // The server may answer (a 413, a 400) and close before it has read everything; read that answer.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private byte[] head(Request request) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        if (authorization != null
                && request.headers().stream()
                        .noneMatch(header -> header.getKey().equalsIgnoreCase("Authorization"))) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        for (Map.Entry<String, String> header : request.headers()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (request.body() != null) {
            head.append(
                    request.chunked()
                            ? "Transfer-Encoding: chunked\r\n"
                            : "Content-Length: " + request.body().length + "\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeBody(OutputStream out, Request request) throws IOException {
        byte[] body = request.body();
        if (!request.chunked()) {
            out.write(body);
            return;
        }
        for (int from = 0; from < body.length; from += 8192) {
            int length = Math.min(8192, body.length - from);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, from, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IllegalStateException("not an HTTP/1.1 response: " + abbreviate(text, 300));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("truncated chunked body");
    }

    static List<Map.Entry<String, String>> headers(String... namesAndValues) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return headers;
    }

    private static String abbreviate(String text, int max) {
        String visible = text.replaceAll("\\p{Cntrl}", "?");
        return visible.length() <= max ? visible : visible.substring(0, max) + "...(" + visible.length() + " chars)";
    }
}

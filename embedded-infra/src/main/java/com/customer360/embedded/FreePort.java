package com.customer360.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds free TCP ports on {@code 127.0.0.1}, for listeners whose port must be known before the server binds
 * (Kafka's static quorum voters name the controller's port in the configuration), and checks that a fixed
 * port is free before a server that reports a taken port with pages of stack traces tries it.
 */
final class FreePort {

    private static final String HOST = "127.0.0.1";

    private FreePort() {}

    /** Returns {@code count} distinct ports that were free a moment ago; all are probed at once. */
    static int[] pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = bind(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        } finally {
            sockets.forEach(FreePort::closeQuietly);
        }
    }

    static void requireFree(int port) {
        try {
            closeQuietly(bind(port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + HOST + ":" + port + " is already in use", e);
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(HOST, port), 1);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port was only probed
        }
    }
}

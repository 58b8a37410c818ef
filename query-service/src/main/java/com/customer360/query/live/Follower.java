package com.customer360.query.live;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream. Sends go through a small shared pool, never on the thread that looks for changes, and at
 * most one at a time per stream: a subscriber that does not read (a stalled proxy, a laptop gone to sleep) would
 * otherwise block everyone. A stream still busy with its last send when the next event comes is closed instead; the
 * browser's EventSource reconnects and the page reloads what it shows.
 */
final class Follower {

    private final SseEmitter emitter;
    private final Executor senders;
    private final AtomicBoolean sending = new AtomicBoolean();

    Follower(SseEmitter emitter, Executor senders) {
        this.emitter = emitter;
        this.senders = senders;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Sends an event, or closes the stream if the previous one is still on its way. */
    void send(SseEmitter.SseEventBuilder event) {
        if (!sending.compareAndSet(false, true)) {
            emitter.complete();
            return;
        }
        try {
            senders.execute(() -> {
                try {
                    emitter.send(event);
                } catch (IOException | IllegalStateException e) {
                    emitter.completeWithError(e);
                } finally {
                    sending.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            sending.set(false);
            emitter.complete();
        }
    }

    /** A heartbeat only when nothing is on its way: it keeps proxies from closing an idle stream. */
    void heartbeat() {
        if (!sending.get()) {
            send(SseEmitter.event().comment("heartbeat"));
        }
    }
}

package com.customer360.embedded;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * Lets a commit write only whole write commands. An MVStore commit saves every map as it stands at that moment, so a
 * commit running while another connection's command is half done would save that half: some documents of a bulk
 * write, or a document's new index entries beside its old body. A process killed after such a commit comes back torn.
 *
 * <p>Write commands run side by side under the shared side of a fair read-write lock; a commit takes the exclusive
 * side, so it waits for the commands under way and holds new ones back until it is done. One commit covers every
 * command finished before it: a command whose work an earlier commit already saved returns without committing, so
 * connections writing at once share commits.
 */
final class CommitGate {

    private final MVStore store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final AtomicLong finished = new AtomicLong();
    private volatile long committed;

    CommitGate(MVStore store) {
        this.store = store;
    }

    /** Runs a write command and returns once a commit has saved it, whether the command succeeded or not. */
    <T> T write(Supplier<T> command) {
        long mine;
        lock.readLock().lock();
        try {
            return command.get();
        } finally {
            // Counted before the shared side is released: a commit holding the exclusive side covers every count.
            mine = finished.incrementAndGet();
            lock.readLock().unlock();
            commitUpTo(mine);
        }
    }

    private void commitUpTo(long command) {
        if (committed >= command) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (committed < command) {
                long upTo = finished.get();
                store.commit();
                committed = upTo;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}

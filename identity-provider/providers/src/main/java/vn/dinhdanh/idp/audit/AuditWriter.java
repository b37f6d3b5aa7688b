package vn.dinhdanh.idp.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The node's writer of the audit trail: a group commit. A request's append waits, as before, until its record is
 * committed; but the appends of requests that arrive together are written by one of {@value #WRITERS} writer threads in
 * one transaction, on one chain, so a busy node pays one transaction, one chain lock and one commit for a batch of
 * records instead of one for each. A batch that fails is written again record by record, so one bad record never loses
 * the others.
 */
final class AuditWriter {

    /** The writer threads: two, so a batch waiting for its chain's lock does not stop the node's other appends. */
    static final int WRITERS = 2;
    /** The most records in one transaction. */
    static final int MAX_BATCH = 64;
    /** How long a request waits for its record to be committed before it logs it as not stored and goes on. */
    static final long WAIT_SECONDS = 10;

    private record Pending(AuditTrail.Stamped record, CompletableFuture<Void> stored) {
    }

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final Pending STOP = new Pending(null, null);

    private final KeycloakSessionFactory factory;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    AuditWriter(KeycloakSessionFactory factory) {
        this.factory = factory;
        for (int i = 0; i < WRITERS; i++) {
            Thread thread = new Thread(this::write, "dinhdanh-audit-writer-" + i);
            thread.setDaemon(true);
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Queues the record and waits until it is committed, or logs why it was not stored.
     *
     * @return false when the writer is stopping and did not take the record
     */
    boolean append(AuditTrail.Entry entry) {
        if (stopping) {
            return false;
        }
        Pending pending = new Pending(new AuditTrail.Stamped(entry, System.currentTimeMillis()), new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notStored(entry, "interrupted while waiting for the commit");
        } catch (TimeoutException e) {
            notStored(entry, "not committed within " + WAIT_SECONDS + " s; it may still be stored");
        } catch (ExecutionException e) {
            notStored(entry, e.getCause().getClass().getName());
        }
        return true;
    }

    static void notStored(AuditTrail.Entry entry, String why) {
        LOG.errorf("AUDIT RECORD NOT STORED: event=%s outcome=%s (%s)", entry.type(), entry.outcome(), why);
    }

    /** Writes what is queued, then stops the writers (waiting up to {@value #WAIT_SECONDS} s). */
    void stop() {
        stopping = true;
        for (int i = 0; i < threads.size(); i++) {
            queue.add(STOP);
        }
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        late.removeIf(p -> p == STOP);
        if (!late.isEmpty()) {
            commit(late);
        }
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            int stops = (int) batch.stream().filter(p -> p == STOP).count();
            batch.removeIf(p -> p == STOP);
            for (int i = 1; i < stops; i++) {
                queue.add(STOP);
            }
            boolean stop = stops > 0;
            try {
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } finally {
                // nobody waits for ever: a record whose batch broke out of commit is answered as not stored
                batch.forEach(p -> p.stored().completeExceptionally(new IllegalStateException("the audit writer failed")));
            }
            if (stop) {
                return;
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> AuditTrail.appendLocked(session,
                    batch.stream().map(Pending::record).toList()));
            batch.forEach(p -> p.stored().complete(null));
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(batchFailed);
                return;
            }
            for (Pending pending : batch) {
                commit(List.of(pending));
            }
        }
    }
}

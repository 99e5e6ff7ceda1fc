package io.clusterless.engine.workload.s3copy;

import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.ObjectStoreException;
import io.clusterless.engine.workload.WorkloadException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs server-side copies on a small fixed pool, so a lot of thousands of objects neither runs them one by one nor
 * opens thousands of connections (S3 throttles per prefix; Lambda has little memory). Stops starting new copies at
 * the first access denial, or once more copies failed than allowed: the outcome is decided, the rest is wasted work.
 */
final class ParallelCopier {
    private final ObjectStore store;
    private final int parallelism;

    ParallelCopier(ObjectStore store, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("copy parallelism must be at least 1, found: " + parallelism);
        }
        this.store = store;
        this.parallelism = parallelism;
    }

    CopyReport copy(List<ObjectCopy> copies, int allowedFailures) {
        if (copies.isEmpty()) {
            return new CopyReport(List.of(), List.of(), null, 0);
        }
        Run run = new Run(allowedFailures);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, copies.size()), threads());
        try {
            List<Future<Outcome>> futures = new ArrayList<>(copies.size());
            for (ObjectCopy copy : copies) {
                futures.add(pool.submit(() -> run.copy(copy)));
            }
            List<S3ObjectId> copied = new ArrayList<>();
            List<CopyReport.Failure> failures = new ArrayList<>();
            CopyReport.Failure denied = null;
            int skipped = 0;
            for (Future<Outcome> future : futures) {
                Outcome outcome = future.get();
                switch (outcome.status()) {
                    case COPIED -> copied.add(outcome.copy().target());
                    case FAILED -> failures.add(outcome.failure());
                    case DENIED -> denied = denied == null ? outcome.failure() : denied;
                    case SKIPPED -> skipped++;
                }
            }
            return new CopyReport(copied, failures, denied, skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkloadException("interrupted while copying " + copies.size() + " objects", e);
        } catch (ExecutionException e) {
            throw new WorkloadException("copy failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "s3-copy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private enum Status {
        COPIED, FAILED, DENIED, SKIPPED
    }

    private record Outcome(ObjectCopy copy, Status status, String reason) {
        CopyReport.Failure failure() {
            return new CopyReport.Failure(copy, reason);
        }
    }

    /** The shared state of one batch: whether to go on, and how many copies failed so far. */
    private final class Run {
        private final int allowedFailures;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger failures = new AtomicInteger();

        Run(int allowedFailures) {
            this.allowedFailures = allowedFailures;
        }

        Outcome copy(ObjectCopy copy) {
            if (stopped.get()) {
                return new Outcome(copy, Status.SKIPPED, null);
            }
            try {
                store.copy(copy.source().bucket(), copy.source().key(), copy.target().bucket(), copy.target().key());
                return new Outcome(copy, Status.COPIED, null);
            } catch (ObjectStoreException e) {
                if (e.kind() == ObjectStoreException.Kind.ACCESS_DENIED) {
                    stopped.set(true);
                    return new Outcome(copy, Status.DENIED, e.getMessage());
                }
                return failed(copy, e.getMessage());
            } catch (RuntimeException e) {
                return failed(copy, "copy " + copy + " failed: " + e);
            }
        }

        private Outcome failed(ObjectCopy copy, String reason) {
            if (failures.incrementAndGet() > allowedFailures) {
                stopped.set(true);
            }
            return new Outcome(copy, Status.FAILED, reason);
        }
    }
}

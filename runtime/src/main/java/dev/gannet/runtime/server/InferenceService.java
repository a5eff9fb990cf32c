package dev.gannet.runtime.server;

import dev.gannet.runtime.backend.Completion;
import dev.gannet.runtime.backend.CompletionListener;
import dev.gannet.runtime.backend.CompletionRequest;
import dev.gannet.runtime.backend.ModelBackend;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns the loaded model and runs its completions, one at a time on a thread of its own (the model
 * uses every core; two generations at once would only make both slow), behind a bounded queue.
 *
 * <p>A full queue is refused at once with a {@link QueueFullException}. A request cancelled while it
 * waits never starts. {@link #swap} hot-swaps the model: completions already running finish on the
 * old one, which is closed after the last of them; everything that starts later uses the new one.
 */
public final class InferenceService implements AutoCloseable {
    private static final Completion.Usage NOTHING = Completion.Usage.NONE;

    private final AtomicReference<LoadedModel> current;
    private final int capacity;
    private final ServerMetrics metrics;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger running = new AtomicInteger();
    /** Exponential average of how long a completion takes, for Retry-After. */
    private final AtomicLong averageMillis = new AtomicLong(1000);

    /**
     * @param model         the model to serve first
     * @param queueCapacity how many completions may wait while one runs
     */
    public InferenceService(ModelBackend model, int queueCapacity, ServerMetrics metrics) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the inference queue needs room for at least 1 request, not "
                    + queueCapacity);
        }
        this.current = new AtomicReference<>(new LoadedModel(Objects.requireNonNull(model, "model")));
        this.capacity = queueCapacity;
        this.metrics = metrics;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "gannet-inference");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        metrics.watchQueue(this::queueDepth, running::get);
    }

    /** The id of the model new completions run on. */
    public String modelId() {
        return current.get().backend().id();
    }

    ModelBackend currentBackend() {
        return current.get().backend();
    }

    /** Completions waiting to start. */
    public int queueDepth() {
        return executor.getQueue().size();
    }

    /**
     * Queues one completion. The listener is called on the inference thread; the future completes
     * there too, after the last listener call, exceptionally with the backend's
     * {@link dev.gannet.runtime.backend.BackendException} when the turn could not be generated.
     *
     * @throws QueueFullException when the queue is full (nothing was queued)
     */
    public CompletableFuture<Completion> submit(CompletionRequest request, CompletionListener listener) {
        CompletableFuture<Completion> result = new CompletableFuture<>();
        try {
            executor.execute(() -> run(request, listener, result));
        } catch (RejectedExecutionException e) {
            metrics.completionRejected();
            if (executor.isShutdown()) {
                throw new IllegalStateException("the inference service is shut down");
            }
            throw new QueueFullException(capacity, retryAfterSeconds());
        }
        return result;
    }

    /**
     * Makes {@code next} the model for every completion that starts from now on and retires the old
     * one (closed once its running completion, if any, has finished).
     *
     * @return the id of the model that was replaced
     */
    public String swap(ModelBackend next) {
        LoadedModel old = current.getAndSet(new LoadedModel(Objects.requireNonNull(next, "next")));
        old.retire();
        return old.backend().id();
    }

    /**
     * The service as a blocking {@link ModelBackend}, for code that runs on its own thread and wants a
     * backend (the agent loop): each {@code complete} waits its turn in the queue.
     */
    public ModelBackend asBackend() {
        return new QueuedBackend(this);
    }

    private void run(CompletionRequest request, CompletionListener listener, CompletableFuture<Completion> result) {
        if (request.cancellation().isCancelled()) {
            // The client left while the request waited: do not spend the CPU on it.
            Completion skipped = new Completion("", List.of(), List.of(), "", Completion.FinishReason.CANCELLED,
                    NOTHING);
            metrics.completionEnded(skipped);
            result.complete(skipped);
            return;
        }
        LoadedModel model = current.get();
        model.acquire();
        running.incrementAndGet();
        long start = System.nanoTime();
        try {
            Completion completion = model.backend().complete(request, listener);
            metrics.completionEnded(completion);
            result.complete(completion);
        } catch (RuntimeException e) {
            metrics.completionFailed();
            result.completeExceptionally(e);
        } finally {
            running.decrementAndGet();
            model.release();
            long millis = (System.nanoTime() - start) / 1_000_000;
            averageMillis.updateAndGet(previous -> (previous * 7 + millis) / 8);
        }
    }

    /** How long the queue ahead of a new request should take to drain, in whole seconds (1 to 600). */
    private int retryAfterSeconds() {
        long waitMillis = averageMillis.get() * (queueDepth() + running.get());
        return (int) Math.clamp((waitMillis + 999) / 1000, 1, 600);
    }

    /** Stops taking requests, lets the queued ones be dropped, and closes the model. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.get().retire();
    }
}

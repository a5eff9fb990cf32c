package dev.gannet.kernels.cuda;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A device's primary context, current on one dedicated platform thread that makes every driver
 * call for it. A CUDA context is current per thread, and stream capture (for graphs) records only
 * the capturing thread's launches, so all work is funnelled to that thread rather than switching the
 * context onto whichever thread asks.
 */
public final class CudaContext implements AutoCloseable {
    private final CudaDriver driver;
    private final int device;
    private final ExecutorService gpuThread;

    private CudaContext(CudaDriver driver, int device) {
        this.driver = driver;
        this.device = device;
        this.gpuThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gannet-cuda-" + device);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Retains device {@code ordinal}'s primary context and makes it current on the GPU thread. */
    public static CudaContext open(CudaDriver driver, int ordinal) {
        driver.init();
        int device = driver.device(ordinal);
        CudaContext context = new CudaContext(driver, device);
        try {
            context.call(d -> {
                MemorySegment primary = d.primaryContextRetain(device);
                d.setCurrentContext(primary);
                return null;
            });
        } catch (RuntimeException e) {
            context.gpuThread.shutdownNow();
            throw e;
        }
        return context;
    }

    /** Runs {@code work} on the GPU thread, with the driver, and waits for its result. */
    public <T> T call(Function<CudaDriver, T> work) {
        Future<T> future = gpuThread.submit(() -> work.apply(driver));
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CudaException("GPU thread", "interrupted while waiting");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CudaException("GPU thread", String.valueOf(e.getCause()));
        }
    }

    @Override
    public void close() {
        try {
            call(d -> {
                d.primaryContextRelease(device);
                return null;
            });
        } finally {
            gpuThread.shutdown();
        }
    }
}

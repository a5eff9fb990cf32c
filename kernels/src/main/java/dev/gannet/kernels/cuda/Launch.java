package dev.gannet.kernels.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One named kernel launch of a layer's task list ({@code layer_3.qkv_projection}): the kernel, its
 * grid and block, and its arguments — device pointers as {@link Long}, then {@link Integer} and
 * {@link Float} — in the order of the kernel's C signature.
 */
record Launch(String task, CudaKernel kernel, int gridX, int gridY, int blockX, Object... arguments) {
    Launch {
        if (gridX < 1 || gridY < 1 || blockX < 1 || blockX > 1024) {
            throw new IllegalArgumentException(task + ": bad launch shape " + gridX + "x" + gridY + " of " + blockX);
        }
        for (Object argument : arguments) {
            if (!(argument instanceof Long || argument instanceof Integer || argument instanceof Float)) {
                throw new IllegalArgumentException(task + ": kernel arguments are long, int or float, not " + argument);
            }
        }
    }

    /** Launches on the stream; runs on the GPU thread. The driver copies the arguments at the call. */
    void run(CudaDriver driver, CudaModules modules, MemorySegment stream) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment parameters = arena.allocate(ADDRESS, arguments.length);
            for (int i = 0; i < arguments.length; i++) {
                MemorySegment value = switch (arguments[i]) {
                    case Long pointer -> arena.allocateFrom(JAVA_LONG, pointer);
                    case Integer number -> arena.allocateFrom(JAVA_INT, number);
                    case Float number -> arena.allocateFrom(JAVA_FLOAT, number);
                    default -> throw new IllegalStateException();
                };
                parameters.setAtIndex(ADDRESS, i, value);
            }
            try {
                driver.launch(modules.function(kernel), gridX, gridY, 1, blockX, 1, 1, 0, stream, parameters);
            } catch (CudaException e) {
                throw new CudaException(task + " (" + kernel.entry() + ")", e.getMessage());
            }
        }
    }
}

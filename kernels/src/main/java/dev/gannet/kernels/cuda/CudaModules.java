package dev.gannet.kernels.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PTX modules built from {@code kernels/src/main/cuda} (one per .cu file, committed as
 * resources by scripts/build_ptx.sh) and the loaded functions of {@link CudaKernel}.
 */
public final class CudaModules {
    static final List<String> MODULES = List.of("attention", "elementwise", "matvec", "norm", "quantize", "rope");

    private final Map<CudaKernel, MemorySegment> functions;

    private CudaModules(Map<CudaKernel, MemorySegment> functions) {
        this.functions = functions;
    }

    /** The PTX text of one module, from the classpath. */
    static String ptx(String module) {
        try (InputStream in = CudaModules.class.getResourceAsStream(module + ".ptx")) {
            if (in == null) {
                throw new IllegalStateException(module + ".ptx is missing from the classpath: run scripts/build_ptx.sh");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads every module (the driver JIT-compiles the PTX for this GPU); on the GPU thread. */
    static CudaModules load(CudaDriver driver) {
        Map<String, MemorySegment> modules = new HashMap<>();
        for (String module : MODULES) {
            modules.put(module, driver.loadModule(module, ptx(module).getBytes(StandardCharsets.US_ASCII)));
        }
        Map<CudaKernel, MemorySegment> functions = new EnumMap<>(CudaKernel.class);
        for (CudaKernel kernel : CudaKernel.values()) {
            functions.put(kernel, driver.function(modules.get(kernel.module()), kernel.entry()));
        }
        return new CudaModules(functions);
    }

    MemorySegment function(CudaKernel kernel) {
        return functions.get(kernel);
    }
}

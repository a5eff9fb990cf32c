package dev.gannet.kernels.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CUDA driver API functions Gannet uses, called through the FFM API. The library is opened only
 * when an instance is made ({@link #load()}), and each function is looked up on its first call; the
 * {@code _v2} entry points are named explicitly, since cuda.h's macros that pick them do not exist here.
 * Every CUresult is checked: a failure is one {@link CudaException} naming the call and the error.
 *
 * <p>Handles (contexts, modules, functions, streams, events, graphs) are opaque pointers, device
 * memory is a {@code long} (CUdeviceptr). Calls that need a context must run on the thread that
 * holds it: {@link CudaContext} funnels them.
 */
public final class CudaDriver {
    public static final String LIBRARY = "libcuda.so.1";

    // CUdevice_attribute values from cuda.h.
    static final int ATTRIBUTE_MULTIPROCESSOR_COUNT = 16;
    static final int ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
    static final int ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
    // CUjit_option values: where the JIT writes its info and error logs, and their sizes.
    private static final int JIT_INFO_LOG_BUFFER = 3;
    private static final int JIT_INFO_LOG_BUFFER_SIZE_BYTES = 4;
    private static final int JIT_ERROR_LOG_BUFFER = 5;
    private static final int JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6;
    private static final int JIT_LOG_BYTES = 16 * 1024;
    static final int STREAM_NON_BLOCKING = 1;
    /** CU_STREAM_CAPTURE_MODE_THREAD_LOCAL: only this thread's unsafe calls break the capture. */
    static final int CAPTURE_MODE_THREAD_LOCAL = 1;

    private final String library;
    private final SymbolLookup symbols;
    private final Linker linker = Linker.nativeLinker();
    private final Map<String, MethodHandle> handles = new ConcurrentHashMap<>();
    private final MethodHandle launchKernel;

    private CudaDriver(String library, SymbolLookup symbols) {
        this.library = library;
        this.symbols = symbols;
        this.launchKernel = handle("cuLaunchKernel", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    }

    /** Opens libcuda.so.1, or throws {@link CudaUnavailableException} when it cannot be loaded. */
    public static CudaDriver load() {
        return load(LIBRARY);
    }

    static CudaDriver load(String library) {
        SymbolLookup symbols;
        try {
            symbols = SymbolLookup.libraryLookup(library, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new CudaUnavailableException("no CUDA driver: " + library + " cannot be loaded");
        }
        try {
            return new CudaDriver(library, symbols);
        } catch (CudaException e) {
            throw new CudaUnavailableException("the CUDA driver " + library + " is unusable: " + e.getMessage());
        }
    }

    // ---- devices ------------------------------------------------------------------------------

    public void init() {
        check("cuInit", call("cuInit", FunctionDescriptor.of(JAVA_INT, JAVA_INT), 0));
    }

    public int deviceCount() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment count = arena.allocate(JAVA_INT);
            check("cuDeviceGetCount", call("cuDeviceGetCount", FunctionDescriptor.of(JAVA_INT, ADDRESS), count));
            return count.get(JAVA_INT, 0);
        }
    }

    public int device(int ordinal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment device = arena.allocate(JAVA_INT);
            check("cuDeviceGet", call("cuDeviceGet", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), device, ordinal));
            return device.get(JAVA_INT, 0);
        }
    }

    public String deviceName(int device) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(256);
            check("cuDeviceGetName", call("cuDeviceGetName",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), name, 256, device));
            return name.getString(0, StandardCharsets.UTF_8);
        }
    }

    public int deviceAttribute(int attribute, int device) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(JAVA_INT);
            check("cuDeviceGetAttribute", call("cuDeviceGetAttribute",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), value, attribute, device));
            return value.get(JAVA_INT, 0);
        }
    }

    public long deviceTotalMemory(int device) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocate(JAVA_LONG);
            check("cuDeviceTotalMem_v2", call("cuDeviceTotalMem_v2",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), bytes, device));
            return bytes.get(JAVA_LONG, 0);
        }
    }

    // ---- context ------------------------------------------------------------------------------

    public MemorySegment primaryContextRetain(int device) {
        return outPointer("cuDevicePrimaryCtxRetain", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), device);
    }

    public void primaryContextRelease(int device) {
        check("cuDevicePrimaryCtxRelease_v2",
                call("cuDevicePrimaryCtxRelease_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT), device));
    }

    public void setCurrentContext(MemorySegment context) {
        check("cuCtxSetCurrent", call("cuCtxSetCurrent", FunctionDescriptor.of(JAVA_INT, ADDRESS), context));
    }

    // ---- memory -------------------------------------------------------------------------------

    public long allocate(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("cannot allocate " + bytes + " bytes of device memory");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pointer = arena.allocate(JAVA_LONG);
            check("cuMemAlloc_v2", call("cuMemAlloc_v2",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), pointer, bytes));
            return pointer.get(JAVA_LONG, 0);
        }
    }

    public void free(long devicePointer) {
        check("cuMemFree_v2", call("cuMemFree_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), devicePointer));
    }

    public void copyToDevice(long devicePointer, MemorySegment host, long bytes) {
        check("cuMemcpyHtoD_v2", call("cuMemcpyHtoD_v2",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG), devicePointer, host, bytes));
    }

    public void copyToHost(MemorySegment host, long devicePointer, long bytes) {
        check("cuMemcpyDtoH_v2", call("cuMemcpyDtoH_v2",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), host, devicePointer, bytes));
    }

    /** Asynchronous on the stream; the host memory must stay valid (and should be pinned) until it ran. */
    public void copyToDeviceAsync(long devicePointer, MemorySegment host, long bytes, MemorySegment stream) {
        check("cuMemcpyHtoDAsync_v2", call("cuMemcpyHtoDAsync_v2",
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS), devicePointer, host, bytes, stream));
    }

    public void copyToHostAsync(MemorySegment host, long devicePointer, long bytes, MemorySegment stream) {
        check("cuMemcpyDtoHAsync_v2", call("cuMemcpyDtoHAsync_v2",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS), host, devicePointer, bytes, stream));
    }

    // ---- modules and launches -----------------------------------------------------------------

    /**
     * Loads a NUL-terminated PTX image; the driver JIT-compiles it for this device. A failure carries
     * the JIT's error log, which names the PTX line at fault.
     */
    public MemorySegment loadModule(String name, byte[] ptx) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment image = arena.allocate(ptx.length + 1L);
            MemorySegment.copy(ptx, 0, image, JAVA_BYTE_LAYOUT, 0, ptx.length);
            MemorySegment infoLog = arena.allocate(JIT_LOG_BYTES);
            MemorySegment errorLog = arena.allocate(JIT_LOG_BYTES);
            MemorySegment options = arena.allocateFrom(JAVA_INT, JIT_INFO_LOG_BUFFER, JIT_INFO_LOG_BUFFER_SIZE_BYTES,
                    JIT_ERROR_LOG_BUFFER, JIT_ERROR_LOG_BUFFER_SIZE_BYTES);
            // Option values are void*; the two sizes are passed as integers cast to pointers.
            MemorySegment values = arena.allocate(ADDRESS, 4);
            values.setAtIndex(ADDRESS, 0, infoLog);
            values.setAtIndex(ADDRESS, 1, MemorySegment.ofAddress(JIT_LOG_BYTES));
            values.setAtIndex(ADDRESS, 2, errorLog);
            values.setAtIndex(ADDRESS, 3, MemorySegment.ofAddress(JIT_LOG_BYTES));
            MemorySegment module = arena.allocate(ADDRESS);
            int result = call("cuModuleLoadDataEx", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                    ADDRESS, ADDRESS), module, image, 4, options, values);
            if (result != 0) {
                String log = errorLog.getString(0, StandardCharsets.UTF_8).strip();
                throw new CudaException("cuModuleLoadDataEx(" + name + ")", result, errorName(result),
                        errorText(result) + (log.isEmpty() ? "" : "; JIT log: " + log));
            }
            return module.get(ADDRESS, 0);
        }
    }

    public MemorySegment function(MemorySegment module, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment function = arena.allocate(ADDRESS);
            check("cuModuleGetFunction(" + name + ")", call("cuModuleGetFunction",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), function, module, arena.allocateFrom(name)));
            return function.get(ADDRESS, 0);
        }
    }

    /** cuLaunchKernel; {@code parameters} is the void*[] of pointers to each argument's value. */
    public void launch(MemorySegment function, int gridX, int gridY, int gridZ, int blockX, int blockY, int blockZ,
                       int sharedBytes, MemorySegment stream, MemorySegment parameters) {
        int result;
        try {
            result = (int) launchKernel.invokeExact(function, gridX, gridY, gridZ, blockX, blockY, blockZ,
                    sharedBytes, stream, parameters, MemorySegment.NULL);
        } catch (Throwable e) {
            throw new CudaException("cuLaunchKernel", e.toString());
        }
        check("cuLaunchKernel", result);
    }

    // ---- streams, events, graphs --------------------------------------------------------------

    public MemorySegment createStream() {
        return outPointer("cuStreamCreate", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), STREAM_NON_BLOCKING);
    }

    public void synchronize(MemorySegment stream) {
        check("cuStreamSynchronize", call("cuStreamSynchronize", FunctionDescriptor.of(JAVA_INT, ADDRESS), stream));
    }

    public MemorySegment createEvent() {
        return outPointer("cuEventCreate", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), 0);
    }

    public void recordEvent(MemorySegment event, MemorySegment stream) {
        check("cuEventRecord", call("cuEventRecord", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), event, stream));
    }

    public float elapsedMillis(MemorySegment start, MemorySegment end) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment millis = arena.allocate(JAVA_FLOAT);
            check("cuEventElapsedTime", call("cuEventElapsedTime",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), millis, start, end));
            return millis.get(JAVA_FLOAT, 0);
        }
    }

    public void beginCapture(MemorySegment stream) {
        check("cuStreamBeginCapture_v2", call("cuStreamBeginCapture_v2",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), stream, CAPTURE_MODE_THREAD_LOCAL));
    }

    public MemorySegment endCapture(MemorySegment stream) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment graph = arena.allocate(ADDRESS);
            check("cuStreamEndCapture", call("cuStreamEndCapture",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), stream, graph));
            return graph.get(ADDRESS, 0);
        }
    }

    /** cuGraphInstantiateWithFlags (what cuda.h 12 calls cuGraphInstantiate), no flags. */
    public MemorySegment instantiateGraph(MemorySegment graph) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment executable = arena.allocate(ADDRESS);
            check("cuGraphInstantiateWithFlags", call("cuGraphInstantiateWithFlags",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), executable, graph, 0L));
            return executable.get(ADDRESS, 0);
        }
    }

    public void launchGraph(MemorySegment executable, MemorySegment stream) {
        check("cuGraphLaunch", call("cuGraphLaunch", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), executable, stream));
    }

    // ---- errors -------------------------------------------------------------------------------

    /** Throws a {@link CudaException} for any result but CUDA_SUCCESS (0). */
    void check(String call, int result) {
        if (result != 0) {
            throw new CudaException(call, result, errorName(result), errorText(result));
        }
    }

    String errorName(int result) {
        return errorString("cuGetErrorName", result, "CUDA error " + result);
    }

    String errorText(int result) {
        return errorString("cuGetErrorString", result, "no description");
    }

    private String errorString(String function, int result, String fallback) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(ADDRESS);
            int status = call(function, FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), result, text);
            MemorySegment pointer = text.get(ADDRESS, 0);
            if (status != 0 || pointer.equals(MemorySegment.NULL)) {
                return fallback;
            }
            return pointer.reinterpret(1024).getString(0, StandardCharsets.US_ASCII);
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private static final java.lang.foreign.ValueLayout.OfByte JAVA_BYTE_LAYOUT = java.lang.foreign.ValueLayout.JAVA_BYTE;

    private MemorySegment outPointer(String function, FunctionDescriptor descriptor, int argument) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            check(function, call(function, descriptor, out, argument));
            return out.get(ADDRESS, 0);
        }
    }

    private int call(String function, FunctionDescriptor descriptor, Object... arguments) {
        try {
            return (int) handle(function, descriptor).invokeWithArguments(arguments);
        } catch (CudaException e) {
            throw e;
        } catch (Throwable e) {
            throw new CudaException(function, e.toString());
        }
    }

    private MethodHandle handle(String function, FunctionDescriptor descriptor) {
        return handles.computeIfAbsent(function, name -> linker.downcallHandle(symbols.find(name)
                .orElseThrow(() -> new CudaException(name, library + " does not export it (a driver too old?)")),
                descriptor));
    }
}

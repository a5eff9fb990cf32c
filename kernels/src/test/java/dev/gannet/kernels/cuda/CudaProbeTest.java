package dev.gannet.kernels.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CudaProbeTest {
    @Test
    void aMissingDriverLibraryIsReportedAsNoCudaDriver() {
        CudaProbe.Result result = CudaProbe.detect("libgannet-no-such-cuda.so.1");
        CudaProbe.Unavailable none = assertInstanceOf(CudaProbe.Unavailable.class, result);
        assertEquals("no CUDA driver: libgannet-no-such-cuda.so.1 cannot be loaded", none.reason());
    }

    @Test
    void aLibraryWithoutTheDriverFunctionsIsUnusableNotACrash() {
        // libc loads but exports no cu* function: the first lookup fails with the call's name.
        CudaUnavailableException e = assertThrows(CudaUnavailableException.class, () -> CudaDriver.load("libc.so.6"));
        assertEquals("the CUDA driver libc.so.6 is unusable: cuLaunchKernel failed: libc.so.6 does not export it"
                + " (a driver too old?)", e.getMessage());
    }

    @Test
    void theProbeOnThisMachineAnswersWithoutThrowing() {
        // Here (no GPU) the answer is the missing driver; on a GPU machine it names the device.
        CudaProbe.Result result = CudaProbe.detect();
        if (result instanceof CudaProbe.Unavailable none) {
            assertTrue(none.reason().startsWith("no CUDA") || none.reason().startsWith("cuInit failed"), none.reason());
        } else {
            CudaProbe.Available gpu = (CudaProbe.Available) result;
            assertTrue(gpu.major() >= 6 && gpu.totalMemoryBytes() > 0, gpu.describe());
        }
    }

    @Test
    void anErrorNamesTheCallTheErrorAndItsText() {
        CudaException e = new CudaException("cuMemAlloc_v2", 2, "CUDA_ERROR_OUT_OF_MEMORY", "out of memory");
        assertEquals("cuMemAlloc_v2 failed: CUDA_ERROR_OUT_OF_MEMORY (out of memory)", e.getMessage());
        assertEquals("cuMemAlloc_v2", e.call());
        assertEquals(2, e.result());
    }
}

package dev.gannet.kernels.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LaunchTest {
    @Test
    void rejectsShapesTheDriverWouldRefuse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Launch("layer_0.attn_norm", CudaKernel.RMS_NORM, 1, 1, 2048));
        assertEquals("layer_0.attn_norm: bad launch shape 1x1 of 2048", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Launch("t", CudaKernel.ARGMAX, 0, 1, 32));
    }

    @Test
    void acceptsOnlyPointersIntsAndFloatsAsArguments() {
        new Launch("ok", CudaKernel.RESIDUAL_ADD, 4, 1, 256, 1L, 2L, 1024);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Launch("layer_2.activation", CudaKernel.SWIGLU, 1, 1, 256, 1L, 2L, 3.0));
        assertEquals("layer_2.activation: kernel arguments are long, int or float, not 3.0", e.getMessage());
    }

    @Test
    void blocksRoundUp() {
        assertEquals(1, CudaSession.blocks(0, 4));
        assertEquals(513, CudaSession.blocks(2049, 4));
    }
}

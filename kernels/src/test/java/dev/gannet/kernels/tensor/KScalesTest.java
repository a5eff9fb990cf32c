package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The whole-field unpacking of {@link KScales} that Q4_K's fast path uses agrees with the per-index one. */
class KScalesTest {
    @Test
    void unpackingTheFieldAtOnceGivesEveryScaleAndMin() {
        Random random = new Random(12);
        byte[] bytes = new byte[KScales.BYTES];
        MemorySegment field = MemorySegment.ofArray(bytes);
        for (int round = 0; round < 10_000; round++) {
            random.nextBytes(bytes);
            int packed0 = LittleEndian.i32(field, 0);
            int packed1 = LittleEndian.i32(field, 4);
            int packed2 = LittleEndian.i32(field, 8);
            long scales = Q4KKernel.scales(packed0, packed1, packed2);
            long mins = Q4KKernel.mins(packed0, packed1, packed2);
            for (int j = 0; j < 8; j++) {
                assertEquals(KScales.scale(field, 0, j), (int) (scales >>> 8 * j & 0xFF), "scale " + j);
                assertEquals(KScales.min(field, 0, j), (int) (mins >>> 8 * j & 0xFF), "min " + j);
            }
        }
    }
}

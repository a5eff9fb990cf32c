package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/** A type that can dequantize with the Vector API; same contract and results as its scalar dequantize. */
interface VectorDequantizer {
    void dequantizeVector(MemorySegment data, long from, float[] out, int outOffset, int count);
}

package dev.gannet.kernels.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads llama.cpp's logit dumps and measures how far ours are from them. */
final class ReferenceLogits {
    private ReferenceLogits() {
    }

    static float[] read(Path path) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    static int[] readTokens(Path path) throws IOException {
        String[] parts = Files.readString(path).trim().split("\\s+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ids[i] = Integer.parseInt(parts[i]);
        }
        return ids;
    }

    /** Max and mean absolute difference, and how often the argmax of a position agrees. */
    record Band(double maxAbsDiff, double meanAbsDiff, double argmaxAgreement) {
        static Band measure(float[] ours, float[] reference, int vocab) {
            if (ours.length != reference.length) {
                throw new IllegalArgumentException(ours.length + " logits vs " + reference.length + " in the reference");
            }
            double max = 0;
            double sum = 0;
            int positions = ours.length / vocab;
            int agree = 0;
            for (int p = 0; p < positions; p++) {
                int oursBest = p * vocab;
                int refBest = p * vocab;
                for (int i = p * vocab; i < (p + 1) * vocab; i++) {
                    double d = Math.abs(ours[i] - reference[i]);
                    max = Math.max(max, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
                    sum += d;
                    if (ours[i] > ours[oursBest]) {
                        oursBest = i;
                    }
                    if (reference[i] > reference[refBest]) {
                        refBest = i;
                    }
                }
                if (oursBest == refBest) {
                    agree++;
                }
            }
            return new Band(max, sum / ours.length, (double) agree / positions);
        }

        boolean within(Band limit) {
            return maxAbsDiff <= limit.maxAbsDiff && meanAbsDiff <= limit.meanAbsDiff
                    && argmaxAgreement >= limit.argmaxAgreement;
        }

        @Override
        public String toString() {
            return String.format("max %.3g, mean %.3g, argmax %.1f%%", maxAbsDiff, meanAbsDiff, 100 * argmaxAgreement);
        }
    }
}

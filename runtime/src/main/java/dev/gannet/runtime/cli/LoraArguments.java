package dev.gannet.runtime.cli;

import dev.gannet.kernels.lora.LoraAdapter;
import dev.gannet.kernels.lora.ScaledLora;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs the {@code --lora FILE} options with the {@code --lora-scale S} options and reads the
 * adapters. The i-th scale belongs to the i-th adapter; with no scales every adapter is at 1, and
 * with several adapters either all or none have a scale, so a scale never lands on the wrong one.
 */
final class LoraArguments {
    private LoraArguments() {
    }

    static List<ScaledLora> read(List<Path> files, List<Float> scales) {
        if (files.isEmpty()) {
            if (!scales.isEmpty()) {
                throw new IllegalArgumentException("--lora-scale given without --lora");
            }
            return List.of();
        }
        if (!scales.isEmpty() && scales.size() != files.size()) {
            throw new IllegalArgumentException("--lora-scale given " + scales.size() + " times for " + files.size()
                    + " --lora adapters: give one per adapter, in the same order, or none (all at 1)");
        }
        List<ScaledLora> adapters = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            float scale = scales.isEmpty() ? 1f : scales.get(i);
            if (!Float.isFinite(scale)) {
                throw new IllegalArgumentException("--lora-scale must be a finite number, not " + scale);
            }
            adapters.add(LoraAdapter.read(files.get(i)).scaled(scale));
        }
        return adapters;
    }
}

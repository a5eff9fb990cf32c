package dev.gannet.kernels.model;

import static dev.gannet.kernels.arch.TensorNames.*;

import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.TensorNames;
import dev.gannet.kernels.lora.AdapterStack;
import dev.gannet.kernels.lora.LoraAdapterException;
import dev.gannet.kernels.lora.LoraDelta;
import dev.gannet.kernels.lora.ScaledLora;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attached adapters laid out the way the forward pass walks the weights: per layer, per projection.
 * Fused tensors (Phi-3's {@code attn_qkv}, gate+up {@code ffn_up}) have their update split by rows
 * exactly as {@link WeightLoader} splits the weights.
 *
 * @param layers  [layers]; null entries for layers no adapter touches
 * @param output  the update of output.weight, or null
 * @param maxRank the largest stacked rank, what one token's scratch must hold
 */
record ModelLora(LayerLora[] layers, LoraDelta output, int maxRank) {

    static ModelLora bind(ModelConfig config, AdapterStack stack, List<ScaledLora> adapters) {
        Map<String, LoraDelta> deltas = stack.deltas();
        Set<String> used = new HashSet<>();
        LayerLora[] layers = new LayerLora[config.layers()];
        int qDim = config.queryDim();
        int kvDim = config.kvDim();
        int hidden = config.hiddenDim();
        for (int layer = 0; layer < layers.length; layer++) {
            LoraDelta wq = take(deltas, used, layer, ATTN_Q);
            LoraDelta wk = take(deltas, used, layer, ATTN_K);
            LoraDelta wv = take(deltas, used, layer, ATTN_V);
            LoraDelta qkv = take(deltas, used, layer, ATTN_QKV);
            if (qkv != null) {
                wq = qkv.rows(0, qDim);
                wk = qkv.rows(qDim, kvDim);
                wv = qkv.rows(qDim + kvDim, kvDim);
            }
            LoraDelta wGate = take(deltas, used, layer, FFN_GATE);
            LoraDelta wUp = take(deltas, used, layer, FFN_UP);
            if (wUp != null && config.features().fusedGateUp()) {
                wGate = wUp.rows(0, hidden);
                wUp = wUp.rows(hidden, hidden);
            }
            LoraDelta wo = take(deltas, used, layer, ATTN_OUTPUT);
            LoraDelta wDown = take(deltas, used, layer, FFN_DOWN);
            LayerLora l = new LayerLora(wq, wk, wv, wo, wGate, wUp, wDown);
            boolean any = wq != null || wk != null || wv != null || wo != null || wGate != null || wUp != null
                    || wDown != null;
            layers[layer] = any ? l : null;
        }
        LoraDelta output = deltas.get(OUTPUT);
        if (output != null) {
            used.add(OUTPUT);
        }
        for (String target : deltas.keySet()) {
            if (!used.contains(target)) {
                throw new LoraAdapterException(sourceOf(target, adapters), "adapts " + target
                        + ", but Gannet applies adapters only to the attention and feed-forward projections and "
                        + OUTPUT);
            }
        }
        return new ModelLora(layers, output, stack.maxRank());
    }

    private static LoraDelta take(Map<String, LoraDelta> deltas, Set<String> used, int layer, String name) {
        String full = TensorNames.block(layer, name);
        LoraDelta delta = deltas.get(full);
        if (delta != null) {
            used.add(full);
        }
        return delta;
    }

    private static String sourceOf(String target, List<ScaledLora> adapters) {
        return adapters.stream().filter(a -> a.adapter().pairs().containsKey(target))
                .map(a -> a.adapter().source()).findFirst().orElse("adapter");
    }
}

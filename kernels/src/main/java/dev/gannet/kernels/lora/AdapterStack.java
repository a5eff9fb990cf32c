package dev.gannet.kernels.lora;

import dev.gannet.kernels.gguf.GgufFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The adapters attached to one base model, each checked against it, merged into one
 * {@link LoraDelta} per adapted tensor. Both the run-time path and fusing start from here, so they
 * compute the same update.
 *
 * @param deltas by base tensor name
 */
public record AdapterStack(Map<String, LoraDelta> deltas) {
    public AdapterStack {
        deltas = Collections.unmodifiableMap(new LinkedHashMap<>(deltas));
    }

    public static AdapterStack of(GgufFile base, List<ScaledLora> adapters) {
        Map<String, List<ScaledLora>> owners = new LinkedHashMap<>();
        Map<String, List<LoraPair>> pairs = new LinkedHashMap<>();
        for (ScaledLora scaled : adapters) {
            LoraCompatibility.check(scaled.adapter(), base);
            for (LoraPair pair : scaled.adapter().pairs().values()) {
                owners.computeIfAbsent(pair.target(), k -> new ArrayList<>()).add(scaled);
                pairs.computeIfAbsent(pair.target(), k -> new ArrayList<>()).add(pair);
            }
        }
        Map<String, LoraDelta> deltas = new LinkedHashMap<>();
        for (String target : pairs.keySet()) {
            deltas.put(target, LoraDelta.stack(owners.get(target), pairs.get(target)));
        }
        return new AdapterStack(deltas);
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }

    /** The largest stacked rank: the scratch one token needs. */
    public int maxRank() {
        return deltas.values().stream().mapToInt(LoraDelta::rank).max().orElse(0);
    }
}

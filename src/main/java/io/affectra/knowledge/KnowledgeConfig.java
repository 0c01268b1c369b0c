package io.affectra.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code affectra.knowledge.*}: emotion-knowledge retrieval. */
@ConfigMapping(prefix = "affectra.knowledge")
public interface KnowledgeConfig {

    /** How many facts PEP-MEK hands the backend as emotion knowledge. */
    @WithDefault("4")
    int topK();

    /**
     * Similarity from which the offline {@code local} baseline "recognises" a knowledge question (answers yes before
     * verification). A fixed, round value chosen before running any benchmark; see README, "The local baseline".
     */
    @WithDefault("0.5")
    double localFamiliarity();

    /** Keep the facts' embeddings in {@code <data-dir>/knowledge/} so that a restart does not embed them again. */
    @WithDefault("true")
    boolean cacheEmbeddings();
}

package io.affectra.prompt;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import java.nio.file.Path;

/** The shipped prompts/ as a registry, for tests outside this package. */
public final class PromptRegistryAccess {

    private PromptRegistryAccess() {
    }

    public static PromptRegistry shipped() {
        return new PromptRegistry(Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).build(),
                PromptFiles.inFolder(Path.of("prompts")));
    }
}

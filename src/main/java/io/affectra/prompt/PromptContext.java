package io.affectra.prompt;

/**
 * The values one family of templates renders with: a record whose component names are the variables those templates
 * may declare and use. {@link PromptContexts} says which context each template renders with; the registry checks every
 * template against it at startup and refuses to render a template with any other context.
 */
public interface PromptContext {
}

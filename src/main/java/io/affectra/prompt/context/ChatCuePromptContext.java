package io.affectra.prompt.context;

import io.affectra.prompt.PromptContext;
import io.quarkus.qute.TemplateData;

/**
 * {@code chat/*}: the cue context of an OpenAI-compatible chat ({@code [system]}) and the text that stands in for one
 * media part ({@code [user]}).
 *
 * @param media      one line per media part: what was measured in it
 * @param withheld   what privacy settings kept from being measured, {@code ; }-separated, or empty
 * @param forwarded  whether the backend receives the media itself too
 * @param part       the media part the {@code [user]} text stands in for ({@code image 1}); empty for the cue context
 * @param measured   whether that part's cues are in the cue context
 */
@TemplateData
public record ChatCuePromptContext(String cues, String media, int mediaCount, int faceCount, String withheld, boolean forwarded,
        String part, boolean measured) implements PromptContext {

    /** The same context, for the placeholder of one media part. */
    public ChatCuePromptContext forPart(String part, boolean measured) {
        return new ChatCuePromptContext(cues, media, mediaCount, faceCount, withheld, forwarded, part, measured);
    }
}

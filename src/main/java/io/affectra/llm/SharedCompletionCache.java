package io.affectra.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The server's completion cache: the most recent {@code affectra.completion-cache.max-entries} replies in memory, least
 * recently used first out. Two experiments that send the same prompt to the same model with the same parameters
 * share a reply. Nothing is kept across restarts, so a cached reply is never older than the process.
 */
@ApplicationScoped
public class SharedCompletionCache implements CompletionCache {

    private final int maxEntries;
    private final Map<CompletionKey, BackendReply> replies;

    @Inject
    public SharedCompletionCache(CompletionCacheConfig config) {
        this(config.maxEntries());
    }

    public SharedCompletionCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.replies = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CompletionKey, BackendReply> eldest) {
                return size() > SharedCompletionCache.this.maxEntries;
            }
        };
    }

    @Override
    public BackendReply complete(CompletionKey key, BackendRequest request, Supplier<BackendReply> call) {
        synchronized (replies) {
            BackendReply cached = replies.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Asked outside the lock: a slow backend must not hold up every other lookup. Two trials asking the same thing
        // at once both ask; the second reply replaces the first.
        BackendReply reply = call.get();
        if (maxEntries > 0) {
            synchronized (replies) {
                replies.put(key, reply);
            }
        }
        return reply;
    }

    public int size() {
        synchronized (replies) {
            return replies.size();
        }
    }
}

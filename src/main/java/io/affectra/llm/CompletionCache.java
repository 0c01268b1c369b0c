package io.affectra.llm;

import java.util.function.Supplier;

/**
 * Where a caller lets backend replies be reused: a reply is found by the backend, its model, the rendered messages,
 * the schema and the sampling parameters ({@link CompletionKey}). Only replies are kept, never failures. Experiments
 * hand the clients a per-trial {@link TrialView} so that each trial knows whether it was answered from the cache;
 * everything else passes {@link #NONE}.
 */
public interface CompletionCache {

    CompletionCache NONE = (key, request, call) -> call.get();

    /** The cached reply for {@code key} (made from {@code request}), or {@code call}'s (kept when it returns). */
    BackendReply complete(CompletionKey key, BackendRequest request, Supplier<BackendReply> call);

    /** A view of a cache that counts what it served and what it had to ask for. */
    final class TrialView implements CompletionCache {

        private final CompletionCache cache;
        private int hits;
        private int misses;

        public TrialView(CompletionCache cache) {
            this.cache = cache;
        }

        @Override
        public BackendReply complete(CompletionKey key, BackendRequest request, Supplier<BackendReply> call) {
            boolean[] asked = new boolean[1];
            BackendReply reply = cache.complete(key, request, () -> {
                asked[0] = true;
                return call.get();
            });
            synchronized (this) {
                if (asked[0]) {
                    misses++;
                } else {
                    hits++;
                }
            }
            return reply;
        }

        public synchronized int hits() {
            return hits;
        }

        public synchronized int misses() {
            return misses;
        }

        /** Every call of the trial was answered from the cache. */
        public synchronized boolean allHits() {
            return hits > 0 && misses == 0;
        }
    }
}

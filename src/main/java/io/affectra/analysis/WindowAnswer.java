package io.affectra.analysis;

import io.affectra.vocabulary.EmotionAnswer;


/** The answer for one analysis window of a video or audio stream (EALD-style timeline). */
public record WindowAnswer(int index, long startMs, long endMs, int cueCount, EmotionAnswer answer) {
}

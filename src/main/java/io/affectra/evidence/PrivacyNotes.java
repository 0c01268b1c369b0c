package io.affectra.evidence;

/** How evidence says what privacy kept it from computing. */
final class PrivacyNotes {

    private PrivacyNotes() {
    }

    /** {@code face: expression, action units and facial priors are not computed in de-identified mode} */
    static String withheld(String encoder, String measures) {
        return encoder + ": " + measures + " are not computed in de-identified mode";
    }
}

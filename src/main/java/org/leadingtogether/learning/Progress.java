package org.leadingtogether.learning;

/** How progress is counted: whole per cent of lessons done, rounded down, so 100 means every lesson. */
public final class Progress {

    private Progress() {
    }

    public static int percent(int done, int total) {
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(100, Math.max(0, (100L * done) / total));
    }
}

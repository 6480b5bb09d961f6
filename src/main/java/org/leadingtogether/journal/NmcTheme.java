package org.leadingtogether.journal;

import java.util.Locale;
import java.util.Set;

/**
 * The four themes of the NMC Code, which a nurse's or midwife's reflective account relates to. Offered only
 * to people whose profession is one the NMC registers ({@link #appliesTo}).
 */
public enum NmcTheme {
    PRIORITISE_PEOPLE("Prioritise people"),
    PRACTISE_EFFECTIVELY("Practise effectively"),
    PRESERVE_SAFETY("Preserve safety"),
    PROMOTE_PROFESSIONALISM_AND_TRUST("Promote professionalism and trust");

    /** Professions (as the portal names them) registered with the NMC. */
    private static final Set<String> NMC_PROFESSIONS = Set.of("nursing", "midwifery");

    private final String label;

    NmcTheme(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    /** Whether someone of this profession writes accounts against the NMC Code: nurses and midwives. */
    public static boolean appliesTo(String professionName) {
        return professionName != null && NMC_PROFESSIONS.contains(professionName.strip().toLowerCase(Locale.ROOT));
    }
}

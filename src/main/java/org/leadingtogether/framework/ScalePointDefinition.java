package org.leadingtogether.framework;

/**
 * One point on a framework's self-assessment scale, as read from its file.
 *
 * @param value       the number stored when someone chooses this point
 * @param label       the short name shown on the scale, such as "Established"
 * @param description what choosing this point means, in the first person; empty when the file gives none
 */
public record ScalePointDefinition(int value, String label, String description) {
}

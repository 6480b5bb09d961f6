package org.leadingtogether.learning;

import java.util.List;

/**
 * A learning module as read from one folder in {@code content/modules}, already checked.
 *
 * @param key          the module id, by which progress is recorded
 * @param title        the title
 * @param summary      one sentence for lists and search results
 * @param minutes      the expected time for the whole module
 * @param version      raised by the author whenever a published module changes
 * @param elementCodes the framework elements the module develops, in file order
 * @param introHtml    the introduction from {@code module.md}, rendered to safe HTML
 * @param lessons      the lessons in the order {@code module.md} lists them
 * @param path         {@code module.md}, relative to the content root
 * @param contentHash  SHA-256 (hex) of {@code module.md} and every lesson file in lesson order, so any edit to
 *                     any of them changes it, whether or not the author remembered to raise the version
 */
public record ModuleDefinition(String key, String title, String summary, int minutes, int version,
                               List<String> elementCodes, String introHtml, List<LessonDefinition> lessons,
                               String path, String contentHash) {

    public ModuleDefinition {
        elementCodes = List.copyOf(elementCodes);
        lessons = List.copyOf(lessons);
    }
}
